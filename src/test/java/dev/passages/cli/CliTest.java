package dev.passages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passages.SeedCorpus;
import dev.passages.web.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line, run in-process, judged by exit code and output. */
class CliTest {

  @TempDir Path dir;

  Path corpus;
  Path index;

  @BeforeEach
  void seedCorpus() {
    corpus = SeedCorpus.copyTo(dir);
    index = dir.resolve("index");
  }

  @Test
  void indexSaysWhatItIndexedAndHowLongItTook() {
    Run run = run("index");
    assertThat(run.exit).isZero();
    assertThat(run.out).contains("article").contains("15 passages");
    assertThat(run.out).contains("left out trailing \"Give a Comment\"");
    assertThat(run.out).containsPattern("Indexed 1 document, 15 passages into .* in \\d+ ms");
    assertThat(index).isDirectoryContaining(p -> p.getFileName().toString().startsWith("segments"));
  }

  @Test
  void indexEmbedsEveryPassageForMeaningUnlessTurnedOff() throws Exception {
    Run off = run("index", "--semantic", "off");
    assertThat(off.exit).isZero();
    assertThat(off.out).doesNotContain("Embedded");
    Run words = run("search", "--semantic", "off", "--json", "how many were killed in the turmoil");
    assertThat(json(words.out).get("semantic").asBoolean()).isFalse();

    Run on = run("index");
    assertThat(on.out).contains("Embedded 15 passages for meaning-based search");
    assertThat(run("index").out).contains("Every passage has its vector");
    Run meaning = run("search", "--json", "how many were killed in the turmoil");
    JsonNode result = json(meaning.out);
    assertThat(result.get("semantic").asBoolean()).isTrue();
    assertThat(result.get("hits").get(0).get("id").asText()).isEqualTo("article#p6");
  }

  @Test
  void aKeywordSearchLeavesTheModelAloneAndAQuestionEmbedsWhatWaits() throws Exception {
    run("index", "--semantic", "off");
    dev.passages.lucene.Indexer indexer = new dev.passages.lucene.Indexer(corpus, index);
    assertThat(indexer.pendingVectors()).isEqualTo(15);
    assertThat(run("search", "--json", "uranium").exit).isZero();
    assertThat(indexer.pendingVectors()).as("a keyword is searched by words").isEqualTo(15);
    Run question = run("search", "--json", "how many were killed in the turmoil");
    assertThat(json(question.out).get("semantic").asBoolean()).isTrue();
    assertThat(indexer.pendingVectors()).isZero();
  }

  @Test
  void aLargeCorpusIsSummedUpUnlessAskedToListEveryDocument() throws Exception {
    for (int i = 0; i < IndexCommand.LISTED_UP_TO; i++) {
      SeedCorpus.write(corpus, "commentary/n" + i + ".txt", "Note " + i + "\nUranium " + i + ".\n");
    }
    Run summed = run("index");
    assertThat(summed.out).contains("(51 documents; --list names each)").doesNotContain("n17");
    assertThat(summed.out).contains("Indexed 51 documents");
    Run listed = run("index", "--rebuild", "--list");
    assertThat(listed.out).contains("commentary/n17").doesNotContain("--list names each");
  }

  @Test
  void longRunsReportProgressWithRateAndTimeLeft() {
    StringWriter err = new StringWriter();
    IndexCommand.printProgress(
        // A fifth of the bytes in a seventh of the files: the time left goes by bytes (by files: 6
        // s).
        new dev.passages.index.IndexProgress(10, 67, 200_000, 670_000, 8_743, 1_027),
        new PrintWriter(err, true));
    assertThat(err.toString())
        .isEqualTo("  indexing: 10/67 files, 8,743 passages, 8,513 passages/s, about 3 s left\n");
  }

  @Test
  void indexWarnsAboutBadFilesAndGoesOn() throws Exception {
    Files.writeString(corpus.resolve("slides.pptx"), "binary");
    Run run = run("index");
    assertThat(run.exit).isZero();
    assertThat(run.err).contains("skipped: slides.pptx: unsupported format");
  }

  @Test
  void indexFailsOnlyWhenNothingCouldBeIndexed() throws Exception {
    Files.delete(corpus.resolve("article.txt"));
    Files.writeString(corpus.resolve("empty.txt"), "");
    Run run = run("index");
    assertThat(run.exit).isEqualTo(1);
    assertThat(run.err).contains("skipped: empty.txt: file has no text");
    assertThat(run.err).contains("nothing could be indexed");
  }

  @Test
  void aMissingCorpusFolderIsNamed() {
    Run run = run("index", "--corpus", dir.resolve("nowhere").toString());
    assertThat(run.exit).isEqualTo(1);
    assertThat(run.err).contains("corpus folder not found").contains("nowhere");
  }

  @Test
  void searchPrintsTheOneParagraphOfAPhrase() {
    Run run = run("search", "--color", "never", "\"color revolution\"");
    assertThat(run.exit).isZero();
    assertThat(run.out)
        .contains("paragraph 5 of the article · article#p5")
        .contains("so-called color revolution to flourish")
        .contains("1 passage found")
        .doesNotContain("\u001b[");
  }

  @Test
  void searchHighlightsMatchesWhenColourIsOn() {
    Run run = run("search", "--color", "always", "\"color revolution\"");
    assertThat(run.out).contains("so-called \u001b[1;33mcolor revolution\u001b[0m to flourish");
  }

  @Test
  void searchIndexesFirstWhenTheIndexIsMissingOrStale() throws Exception {
    Run first = run("search", "uranium");
    assertThat(first.err).contains("Indexed 1 document");
    Run second = run("search", "uranium");
    assertThat(second.err).doesNotContain("Indexed");

    SeedCorpus.write(corpus, "commentary/mines.txt", "Mines\nUranium from the steppe.\n");
    Run third = run("search", "uranium");
    assertThat(third.err).contains("Indexed 2 documents");
    assertThat(third.out).contains("2 passages found");
  }

  @Test
  void searchTakesExclusionsAsQueryNotOptions() {
    Run run = run("search", "--color", "never", "Tokayev", "-request");
    assertThat(run.exit).isZero();
    assertThat(run.out).contains("2 passages found").doesNotContain("Tokayev’s request");
  }

  @Test
  void searchSaysWhenItCorrectedTheQuery() {
    Run run = run("search", "--color", "never", "Tokaev");
    assertThat(run.exit).isZero();
    assertThat(run.out)
        .contains("3 passages found")
        .contains("Showing results for tokayev (no passage matches Tokaev)");
  }

  @Test
  void searchExitsWithOneWhenNothingIsFound() {
    Run run = run("search", "zeppelin");
    assertThat(run.exit).isEqualTo(1);
    assertThat(run.out).contains("0 passages found");
  }

  @Test
  void searchRefusesABadLimitWithUsageExitCode() {
    Run run = run("search", "--limit", "0", "uranium");
    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err).contains("--limit must be between 1 and 100, got 0");
  }

  @Test
  void searchTakesSourcesByTheNamesItsHelpGives() {
    // The corpus here is the article alone.
    Run article = run("search", "--color", "never", "--source", "article", "Beijing");
    assertThat(article.exit).as(article.err).isZero();
    assertThat(article.out).contains("of the article");
    Run commentary = run("search", "--source", "commentary,comment", "Beijing");
    assertThat(commentary.exit).as(commentary.err).isEqualTo(ExitCodes.FAILURE);
    assertThat(commentary.out).contains("0 passages found");
    Run wrong = run("search", "--source", "articles", "Beijing");
    assertThat(wrong.exit).isEqualTo(ExitCodes.USAGE);
    assertThat(wrong.err)
        .contains("expected one of article, commentary, comment but was 'articles'");
  }

  @Test
  void searchWithoutAQueryAsksForOne() {
    Run run = run("search");
    assertThat(run.exit).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err).contains("Missing required parameter: 'QUERY'");
  }

  @Test
  void searchPrintsTheApiJson() throws Exception {
    Run run = run("search", "--json", "--limit", "2", "kazakh*");
    JsonNode result = Json.mapper().readTree(run.out);
    assertThat(result.get("total").asInt()).isEqualTo(10);
    assertThat(result.get("hits")).hasSize(2);
    assertThat(result.get("hits").get(0).get("highlight").asText()).contains("<mark>");
  }

  @ParameterizedTest(name = "{0} --help")
  @ValueSource(strings = {"index", "search", "serve"})
  void everySubcommandHasHelp(String command) {
    Run run = run(command, "--help");
    assertThat(run.exit).isZero();
    assertThat(run.out).contains("Usage: passages " + command).contains("--corpus");
    Run version = run(command, "--version");
    assertThat(version.exit).isZero();
    assertThat(version.out).isEqualTo("passages 0.1.0" + System.lineSeparator());
  }

  @Test
  void theRootHelpListsEveryCommandAndAMistypedOneIsAnsweredWithTheNearest() {
    Run help = run("--help");
    assertThat(help.exit).isZero();
    assertThat(help.out)
        .contains("Usage: passages")
        .containsSubsequence("index", "search", "serve");
    Run typo = run("sreve");
    assertThat(typo.exit).isEqualTo(ExitCodes.USAGE);
    assertThat(typo.err).contains("sreve").contains("Did you mean: passages serve?");
  }

  @Test
  void aTrainingRunSearchesASampleOfTheCorpusOverHttpAndLeavesNoFilesBehind() throws Exception {
    Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
    long before = trainingFolders(temporary);
    Run run = run("serve", "--training-run");
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.out).containsPattern("Training run: [0-9]{2,} requests");
    assertThat(run.err).isEmpty();
    assertThat(trainingFolders(temporary)).isEqualTo(before);
  }

  @Test
  void aTrainingRunWithoutACorpusFolderSaysSo() {
    Run run = run("serve", "--training-run", "--corpus", dir.resolve("nowhere").toString());
    assertThat(run.exit).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err).contains("no ").contains("nowhere");
  }

  private static long trainingFolders(Path temporary) throws java.io.IOException {
    try (var files = java.nio.file.Files.list(temporary)) {
      return files.filter(f -> f.getFileName().toString().startsWith("passages-training")).count();
    }
  }

  private Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (!List.of(args).contains("--help") && !List.of(args).contains("--corpus")) {
      all.addAll(1, List.of("--corpus", corpus.toString(), "--index", index.toString()));
    } else if (List.of(args).contains("--corpus")) {
      all.addAll(1, List.of("--index", index.toString()));
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] line = all.toArray(String[]::new);
    CommandLine commandLine = PassagesCommand.commandLine(line);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(line);
    return new Run(exit, out.toString(), err.toString());
  }

  private record Run(int exit, String out, String err) {}

  private static JsonNode json(String text) throws java.io.IOException {
    return Json.mapper().readTree(text);
  }
}
