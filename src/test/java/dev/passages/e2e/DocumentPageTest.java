package dev.passages.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The document view: the whole text, the linked passage, every match and the way between them. */
@Tag("browser")
@ExtendWith(BrowserExtension.class)
class DocumentPageTest {

  @TempDir static Path dir;

  static UiServer server;
  static ChromeDriver browser;

  @BeforeAll
  static void start(ChromeDriver driver) throws IOException {
    browser = driver;
    server = new UiServer(dir, UiServer.QUOTING_COMMENTARY);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  @Test
  void theWholeDocumentIsShownWithHeadingsAndEveryMatchMarked() {
    open("/doc/article?q=Tokayev#p8");
    assertThat(browser.findElement(By.cssSelector("h1#title")).getText())
        .isEqualTo("Opinion: For Putin, Kazakhstan is a domino too big to fall");
    assertThat(browser.findElement(By.cssSelector("h2#h1")).getText())
        .isEqualTo("Putin's big miscalculation");
    assertThat(browser.findElements(By.cssSelector("p.passage"))).hasSize(13);
    assertThat(browser.findElements(By.cssSelector("#document mark")))
        .extracting(WebElement::getText)
        .containsExactly("Tokayev", "Tokayev’s", "Tokayev");
    WebElement target = browser.findElement(By.cssSelector(".is-target"));
    assertThat(target.getDomAttribute("id")).isEqualTo("p8");
    assertThat(browser.findElement(By.id("match-count")).getText())
        .isEqualTo("3 matches for “Tokayev”");
    assertThat(browser.getTitle()).startsWith("Opinion: For Putin");
  }

  @Test
  void nextAndPreviousWalkThroughTheMatches() {
    open("/doc/article?q=Tokayev");
    WebElement next = browser.findElement(By.id("next"));
    next.click();
    assertThat(current()).isEqualTo("Match 1 of 3 for “Tokayev”");
    next.click();
    next.click();
    assertThat(current()).isEqualTo("Match 3 of 3 for “Tokayev”");
    next.click();
    assertThat(current()).isEqualTo("Match 1 of 3 for “Tokayev”");
    browser.findElement(By.id("prev")).click();
    assertThat(current()).isEqualTo("Match 3 of 3 for “Tokayev”");
    List<WebElement> currentMarks = browser.findElements(By.cssSelector("mark.current"));
    assertThat(currentMarks).hasSize(1);
    assertThat(currentMarks.getFirst().findElement(By.xpath("./..")).getDomAttribute("id"))
        .isEqualTo("p13");
  }

  @Test
  void aPhraseIsMarkedInTheDocumentAsOneSpan() {
    open("/doc/article?q=%22color+revolution%22#p5");
    assertThat(browser.findElements(By.cssSelector("#p5 mark")))
        .extracting(WebElement::getText)
        .containsExactly("color revolution");
  }

  @Test
  void documentsInFoldersAndWithoutAQueryWork() throws IOException {
    open("/doc/commentary/steppe#p2");
    WebElement p2 = browser.findElement(By.cssSelector("#p2.is-target"));
    assertThat(p2.getText()).contains("<script>alert('x')</script>");
    assertThat(browser.findElements(By.cssSelector("#document script"))).isEmpty();
    assertThat(browser.findElement(By.id("match-nav")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("back")).getText()).isEqualTo("← Search");
    Path shots = Files.createDirectories(Path.of("target", "screenshots"));
    open("/doc/article?q=Tokayev#p8");
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        shots.resolve("document-light.png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void anUnknownDocumentSaysSo() {
    browser.get(server.url("/doc/nope"));
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "not in"));
    assertThat(browser.findElement(By.id("status")).getText())
        .isEqualTo("This text is not in the collection; it may have been removed or renamed.");
  }

  @Test
  void aParagraphSaysWhatDiscussesItAndListsIt() {
    open("/doc/article#p5");
    WebElement toggle =
        new WebDriverWait(browser, Duration.ofSeconds(5))
            .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#p5 .related-toggle")));
    assertThat(toggle.getText()).isEqualTo("1 discussing this");
    toggle.click();
    WebElement item =
        new WebDriverWait(browser, Duration.ofSeconds(5))
            .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#related-p5 li")));
    assertThat(item.getText()).startsWith("QUOTE").contains("Quoting the op-ed");
    assertThat(item.findElement(By.tagName("mark")).getText())
        .isEqualTo("Kazakhstan has the world 12th-largest proven oil reserves and are 14. for gas");
    item.findElement(By.linkText("Quoting the op-ed")).click();
    WebElement back =
        new WebDriverWait(browser, Duration.ofSeconds(5))
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("from-link")));
    assertThat(back.getDomAttribute("href")).isEqualTo("/doc/article#p5");
  }

  @Test
  void aReaderCanCommentOnAParagraphAndFindTheirComment() {
    open("/doc/article");
    WebElement form =
        new WebDriverWait(browser, Duration.ofSeconds(5))
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-form")));
    browser.findElement(By.cssSelector("#p8 .reply")).click();
    assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("comment-text");
    form.findElement(By.id("comment-author")).sendKeys("Grace <b>Hopper</b>");
    form.findElement(By.id("comment-text")).sendKeys("The CSTO deployment was a turning point.");
    form.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("comment-status"), "saved and searchable"));
    WebElement comment = browser.findElement(By.cssSelector("#comment-list li:last-child"));
    assertThat(comment.getText()).contains("Grace <b>Hopper</b>").contains("on ¶8");
    assertThat(comment.findElements(By.tagName("b"))).isEmpty();

    browser.get(server.url("/?q=turning+point+source:comment"));
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "1 passage found"));
  }

  private static String current() {
    return browser.findElement(By.id("match-count")).getText();
  }

  private static void open(String path) {
    browser.get(server.url(path));
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(ExpectedConditions.attributeToBe(By.id("document"), "aria-busy", "false"));
  }
}
