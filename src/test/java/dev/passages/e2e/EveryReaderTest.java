package dev.passages.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages as readers who are not at a desk with a mouse meet them: axe-core's checks in both
 * colour schemes, phones of 320 and 375 px, the keyboard alone, a screen reader's announcements,
 * right-to-left names and texts, reduced motion, forced colours, and the reader's own mistakes.
 * Each test pins a failure found by trying the pages so (issue 16).
 */
@Tag("browser")
@ExtendWith(BrowserExtension.class)
class EveryReaderTest {

  @TempDir static Path dir;

  static UiServer server;
  static ChromeDriver browser;
  static String axe;

  @BeforeAll
  static void start(ChromeDriver driver) throws Exception {
    browser = driver;
    server = new UiServer(dir, UiServer.QUOTING_COMMENTARY);
    // A reader who writes right to left, on paragraph 5.
    post(
        "{\"doc\": \"article\", \"paragraph\": 5, \"author\": \"كاتب\","
            + " \"text\": \"هذه الفقرة عن اليورانيوم\"}");
    try (InputStream script = EveryReaderTest.class.getResourceAsStream("/axe/axe.min.js")) {
      axe = new String(script.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  /** The browser is shared by every browser test: leave it as found. */
  @AfterEach
  void plainBrowser() {
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  @ParameterizedTest
  @ValueSource(strings = {"light", "dark"})
  void axeFindsNothingSeriousOnAnyPage(String scheme) {
    media("prefers-color-scheme", scheme);
    for (String page : List.of("/", "/?q=Kazakhstan", "/?q=zzzqqq", "/doc/article?q=uranium#p5")) {
      open(page);
      if (page.startsWith("/doc")) {
        wait(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-form")));
        wait(5)
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".related-toggle")));
      }
      assertThat(axeViolations()).as(scheme + " " + page).isEmpty();
    }
    // The form's labels say what they ask.
    assertThat(browser.findElement(By.cssSelector("label[for=comment-paragraph]")).getText())
        .isEqualTo("Your comment is about");
  }

  @ParameterizedTest
  @ValueSource(ints = {320, 375})
  void aPhoneNeedsNoSidewaysScrollAndEveryTargetFitsAFinger(int width) {
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", 640, "deviceScaleFactor", 2, "mobile", true));
    for (String page : List.of("/", "/?q=Kazakhstan", "/doc/article?q=Kazakhstan#p5")) {
      open(page);
      if (page.startsWith("/doc")) {
        wait(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-form")));
        wait(5)
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".related-toggle")));
      } else if (page.contains("q=")) {
        browser.findElement(By.cssSelector(".why summary")).click();
      }
      assertThat(
              (Boolean)
                  browser.executeScript(
                      "return document.documentElement.scrollWidth <= window.innerWidth"))
          .as("no sideways scroll on %s at %d px", page, width)
          .isTrue();
      @SuppressWarnings("unchecked")
      List<String> small =
          (List<String>)
              browser.executeScript(
                  "return [...document.querySelectorAll('button, input:not([type=checkbox]),"
                      + " select, textarea, summary, .sources label, [role=option], .hit-card,"
                      + " .documents a, #back')]"
                      + ".filter(e => e.getClientRects().length && getComputedStyle(e).visibility"
                      + " !== 'hidden')"
                      + ".filter(e => e.getBoundingClientRect().height < 43.5)"
                      + ".map(e => (e.id || e.className || e.tagName) + ' '"
                      + " + Math.round(e.getBoundingClientRect().height) + 'px')");
      assertThat(small).as("targets under 44 px on %s at %d px", page, width).isEmpty();
      // The header scrolls away rather than taking a fifth of the screen.
      assertThat(
              browser.executeScript(
                  "return getComputedStyle(document.querySelector('.masthead')).position"))
          .isEqualTo("static");
    }
    // Previous and Next stay one line each, side by side.
    @SuppressWarnings("unchecked")
    List<Number> tops =
        (List<Number>)
            browser.executeScript(
                "return ['prev', 'next'].map(id =>"
                    + " document.getElementById(id).getBoundingClientRect().top)");
    assertThat(tops.get(0).doubleValue()).isEqualTo(tops.get(1).doubleValue());
  }

  @Test
  void aKeyboardAloneSearchesPicksMovesOpensAndComments() {
    open("/");
    WebElement q = browser.findElement(By.id("q"));
    q.sendKeys("kazakhst");
    wait(5).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=option]")));
    q.sendKeys(Keys.ARROW_DOWN);
    WebElement active = browser.findElement(By.cssSelector("[role=option][aria-selected=true]"));
    // The active option is told by more than a pale tint.
    assertThat(active.getCssValue("outline-style")).isEqualTo("solid");
    q.sendKeys(Keys.ENTER);
    wait(5)
        .until(
            ExpectedConditions.textMatches(
                By.id("status"), java.util.regex.Pattern.compile("passages found")));
    assertThat(q.getDomProperty("value")).isEqualTo("kazakhstan");
    int hits = browser.findElements(By.cssSelector("a.hit-link")).size();
    assertThat(hits).isGreaterThan(5);
    for (int i = 0; i < hits; i++) {
      browser.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
    }
    // Back up through the hits: each focused hit is whole on screen, below the sticky header.
    for (int i = 0; i < hits - 1; i++) {
      browser.switchTo().activeElement().sendKeys(Keys.ARROW_UP);
      assertThat(
              (Boolean)
                  browser.executeScript(
                      "const card = document.activeElement.closest('.hit');"
                          + " const r = card.getBoundingClientRect();"
                          + " const h = document.querySelector('.masthead').getBoundingClientRect();"
                          + " return r.top >= h.bottom - 1 && r.bottom <= innerHeight + 1;"))
          .as("hit %d in view", hits - 2 - i)
          .isTrue();
    }
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    wait(5).until(ExpectedConditions.attributeToBe(By.id("document"), "aria-busy", "false"));
    // The focus is on the paragraph opened, not at the top of the page.
    wait(5)
        .until(
            d ->
                d.switchTo().activeElement().getDomAttribute("class") != null
                    && d.switchTo().activeElement().getDomAttribute("class").contains("is-target"));

    // Reply to paragraph 8 from the keyboard; the letters n and p go into the text.
    WebElement reply =
        wait(5).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#p8 .reply")));
    reply.sendKeys(Keys.ENTER);
    WebElement text = browser.switchTo().activeElement();
    assertThat(text.getDomAttribute("id")).isEqualTo("comment-text");
    long before = scrollY();
    text.sendKeys("no pipeline, no protest: nn pp");
    assertThat(scrollY()).isEqualTo(before);
    assertThat(text.getDomProperty("value")).isEqualTo("no pipeline, no protest: nn pp");
    browser.findElement(By.id("comment-author")).sendKeys("Keys Only");
    text.sendKeys(Keys.TAB);
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    wait(5)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("comment-status"), "saved and searchable"));
    // The paragraph's count of what discusses it follows the new reply; Enter opens the list.
    WebElement discussing =
        wait(5)
                .until(
                    ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#p8 .related-toggle"), "1 discussing this"))
            ? browser.findElement(By.cssSelector("#p8 .related-toggle"))
            : null;
    discussing.sendKeys(Keys.ENTER);
    wait(5).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#related-p8 li")));
    assertThat(discussing.getDomAttribute("aria-expanded")).isEqualTo("true");
    assertThat(browser.findElement(By.cssSelector("#related-p8")).getText()).contains("Keys Only");
  }

  @Test
  void aHalfTypedWordIsSearchedAsABeginningAndTheCountIsSaidOnce() {
    open("/");
    // Every change of what screen readers are told, and when the last key was typed.
    browser.executeScript(
        "window.said = []; const a = document.getElementById('announce');"
            + " new MutationObserver(() => said.push([performance.now(), a.textContent]))"
            + ".observe(a, {childList: true, characterData: true, subtree: true});"
            + " document.getElementById('q').addEventListener('input',"
            + " () => { window.lastKey = performance.now(); });");
    WebElement q = browser.findElement(By.id("q"));
    q.sendKeys("urani");
    wait(5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "found"));
    // The article's paragraph and the commentary that turns to uranium: the word's beginning.
    assertThat(status()).startsWith("2 passages found");
    assertThat(browser.findElements(By.cssSelector(".hit mark")))
        .extracting(WebElement::getText)
        .contains("uranium");
    wait(5)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("announce"), "passages found"));
    // Said once, once typing paused, and without timings.
    @SuppressWarnings("unchecked")
    List<List<Object>> said =
        (List<List<Object>>)
            browser.executeScript(
                "return said.filter(([, text]) => text).map(([t, text]) => [t - lastKey, text])");
    assertThat(said).hasSize(1);
    assertThat(((Number) said.getFirst().get(0)).doubleValue()).isGreaterThan(500);
    assertThat(said.getFirst().get(1)).isEqualTo("2 passages found");
    assertThat(browser.findElement(By.id("status")).getDomAttribute("aria-live")).isNull();

    q.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    q.sendKeys("Kazak");
    wait(5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "found"));
    // Kazakhstan's passages, not a "correction" into "kazakh".
    assertThat(status()).matches("1\\d passages found.*");
    sleep(900);
    assertThat(browser.findElement(By.id("notice")).getText())
        .doesNotContain("Showing results for");
    assertThat(status()).doesNotContain("No passages match").matches("1\\d passages found.*");
  }

  /** More passages of a half word's answer are more of the same answer, not a correction. */
  @Test
  void morePassagesOfAHalfWordAreMoreOfTheSame() {
    open("/");
    browser.findElement(By.id("q")).sendKeys("grassl");
    wait(5)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "showing 20"));
    sleep(900);
    browser.findElement(By.id("more")).click();
    wait(5).until(d -> d.findElements(By.cssSelector("a.hit-link")).size() == 25);
    assertThat(status()).startsWith("25 passages found");
    assertThat(browser.findElement(By.id("notice")).getText())
        .doesNotContain("Showing results for");
  }

  @Test
  void showingMorePassagesKeepsTheFocusOnThem() {
    open("/?q=grassland");
    wait(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("more")));
    WebElement more = browser.findElement(By.id("more"));
    more.sendKeys(Keys.ENTER);
    wait(5).until(ExpectedConditions.invisibilityOf(more));
    List<WebElement> links = browser.findElements(By.cssSelector("a.hit-link"));
    assertThat(links).hasSize(25);
    assertThat(browser.switchTo().activeElement()).isEqualTo(links.get(20));
  }

  @ParameterizedTest
  @ValueSource(ints = {1280, 375})
  void theHomePageDoesNotJumpWhileLoadingAndListsCommentsWithTheirText(int width) {
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", width < 500));
    browser.get(server.url("/"));
    wait(5)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("corpus-summary"), "passages"));
    sleep(300);
    Number shift =
        (Number)
            browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; let sum = 0;"
                    + " new PerformanceObserver(list => { for (const e of list.getEntries())"
                    + " if (!e.hadRecentInput) sum += e.value; })"
                    + ".observe({type: 'layout-shift', buffered: true});"
                    + " setTimeout(() => done(sum), 200);");
    System.out.printf("home page layout shift at %d px: %.3f%n", width, shift.doubleValue());
    assertThat(shift.doubleValue()).as("layout shift at %d px", width).isLessThan(0.1);
    assertThat(
            ((Number)
                    browser.executeScript(
                        "return performance.getEntriesByType('resource')"
                            + ".filter(e => e.name.includes('/api/documents')).length"))
                .intValue())
        .isEqualTo(1);
    String list = browser.findElement(By.id("documents")).getText();
    assertThat(list).contains("Opinion: For Putin").contains("comment").doesNotContain("كاتب");
    assertThat(browser.findElements(By.cssSelector("#documents .badge-comment"))).isEmpty();
  }

  @Test
  void rightToLeftNamesAndCommentsKeepTheirOwnDirection() {
    open("/doc/article");
    WebElement comment =
        wait(5)
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//li[contains(@class,'comment')][.//bdi[text()='كاتب']]")));
    assertThat(comment.findElement(By.cssSelector(".comment-meta bdi")).getText())
        .isEqualTo("كاتب");
    WebElement text = comment.findElement(By.cssSelector("p[dir=auto]"));
    assertThat(text.getCssValue("direction")).isEqualTo("rtl");
    assertThat(
            (Boolean)
                browser.executeScript(
                    "const p = arguments[0].getBoundingClientRect();"
                        + " const r = document.createRange(); r.selectNodeContents(arguments[0]);"
                        + " return r.getBoundingClientRect().right >= p.right - 20;",
                    text))
        .as("an Arabic comment is set from the right")
        .isTrue();
  }

  @Test
  void longAndHostileQueriesAreNotRepeatedNorTurnedIntoNonsense() {
    open("/");
    String pasted = "Kazakhstan oil reserves and the pipeline ".repeat(12) + "urani";
    browser.executeScript(
        "const q = document.getElementById('q'); q.value = arguments[0];"
            + " q.dispatchEvent(new Event('input'));",
        pasted);
    wait(5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "passage"));
    for (WebElement option : browser.findElements(By.cssSelector("[role=option]"))) {
      assertThat(option.getText().length()).isLessThan(80);
    }
    open("/?q=" + "zzzqqqq%20".repeat(60));
    wait(5)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "No passages"));
    assertThat(status().length()).isLessThan(120);

    open("/?q=%22zqxv%22%20source%3Anonsense");
    wait(5)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "No passages"));
    assertThat(browser.findElement(By.id("results")).getText()).doesNotContain("nonsense");
    // Range syntax is no syntax here: no looser query made of its leftovers ("[1 TO").
    open("/?q=%5B1%20TO%205%5D%20zzzqqqq");
    assertThat(browser.findElements(By.cssSelector("#results .tip")))
        .allSatisfy(tip -> assertThat(tip.getText()).doesNotContain("[").doesNotContain("]"));
    open("/?q=%22%5B1%20TO%205%5D%20zzzqqqq%22");
    wait(5)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "No passages"));
    assertThat(browser.findElements(By.cssSelector("#results .tip")))
        .allSatisfy(tip -> assertThat(tip.getText()).doesNotContain("[").doesNotContain("]"));
  }

  @Test
  void eachHitIsAHeadingWithAShortNameAndTheCardOpensIt() {
    open("/?q=Kazakhstan");
    wait(5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "found"));
    List<WebElement> links = browser.findElements(By.cssSelector("#results h2 a.hit-link"));
    assertThat(links).hasSameSizeAs(browser.findElements(By.cssSelector("#results li.hit")));
    for (WebElement link : links) {
      assertThat(link.getAccessibleName().length()).isLessThan(100);
    }
    assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
    // A click anywhere on the card, here on its text, opens the passage.
    new org.openqa.selenium.interactions.Actions(browser)
        .moveToElement(browser.findElement(By.cssSelector("#results li.hit .excerpt")))
        .click()
        .perform();
    wait(5).until(ExpectedConditions.urlContains("/doc/"));
  }

  @Test
  void theDocumentViewSearchesItselfAndLeadsBackToTheSameResults() {
    open("/?q=Kazakhstan&source=commentary");
    wait(5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "found"));
    browser.findElement(By.cssSelector("a.hit-link")).sendKeys(Keys.ENTER);
    wait(5).until(ExpectedConditions.attributeToBe(By.id("document"), "aria-busy", "false"));
    assertThat(browser.findElement(By.id("back")).getDomAttribute("href"))
        .isEqualTo("/?q=Kazakhstan&source=commentary");
    browser.findElement(By.tagName("body")).sendKeys("/");
    WebElement find = browser.switchTo().activeElement();
    assertThat(find.getDomAttribute("id")).isEqualTo("find-q");
    find.sendKeys(Keys.chord(Keys.CONTROL, "a"), "uranium", Keys.ENTER);
    wait(5).until(ExpectedConditions.urlContains("q=uranium"));
    wait(5).until(ExpectedConditions.attributeToBe(By.id("document"), "aria-busy", "false"));
    assertThat(browser.findElements(By.cssSelector("#document mark")))
        .extracting(WebElement::getText)
        .containsOnly("uranium");
    // Still back to the results the reader came from, not to a search for the word found here.
    assertThat(browser.findElement(By.id("back")).getDomAttribute("href"))
        .isEqualTo("/?q=Kazakhstan&source=commentary");
  }

  @Test
  void lessMotionJumpsStraightToTheNextMatch() {
    media("prefers-reduced-motion", "reduce");
    open("/doc/article?q=Kazakhstan");
    wait(5).until(ExpectedConditions.attributeToBe(By.id("document"), "aria-busy", "false"));
    WebElement body = browser.findElement(By.tagName("body"));
    for (int i = 0; i < 4; i++) {
      body.sendKeys("n");
    }
    // No glide: the page is where it ends up at once, not part of the way there.
    long now = scrollY();
    sleep(800);
    assertThat(scrollY()).isEqualTo(now).isGreaterThan(0);
  }

  @Test
  void quotesLookUnlikeMatchesAndFieldsHaveVisibleEdges() {
    open("/doc/article?q=oil#p5");
    WebElement toggle =
        wait(5)
            .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#p5 .related-toggle")));
    toggle.click();
    WebElement quote =
        wait(5)
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#related-p5 .excerpt mark")));
    String match = browser.findElement(By.cssSelector("#p5 mark")).getCssValue("background-color");
    assertThat(quote.getCssValue("background-color")).isNotEqualTo(match);
    for (String id : List.of("comment-author", "comment-text", "find-q")) {
      Number contrast =
          (Number)
              browser.executeScript(
                  "const lum = c => { const [r, g, b] = c.match(/\\d+/g).slice(0, 3).map(v => {"
                      + " v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;"
                      + " }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };"
                      + " const e = document.getElementById(arguments[0]);"
                      + " const a = lum(getComputedStyle(e).borderTopColor);"
                      + " const b = lum(getComputedStyle(document.body).backgroundColor);"
                      + " return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);",
                  id);
      assertThat(contrast.doubleValue()).as(id + " border contrast").isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void inForcedColoursTheActiveCompletionIsStillMarked() {
    media("forced-colors", "active");
    open("/");
    WebElement q = browser.findElement(By.id("q"));
    q.sendKeys("kaz");
    wait(5).until(d -> d.findElements(By.cssSelector("[role=option]")).size() > 1);
    q.sendKeys(Keys.ARROW_DOWN);
    WebElement active = browser.findElement(By.cssSelector("[role=option][aria-selected=true]"));
    // Marked in the system's own highlight colours, which forced colours leave alone.
    String highlight =
        (String)
            browser.executeScript(
                "const d = document.createElement('div'); d.style.background = 'Highlight';"
                    + " document.body.append(d); const c = getComputedStyle(d).backgroundColor;"
                    + " d.remove(); return c;");
    assertThat(active.getCssValue("background-color")).isEqualTo(highlight);
    WebElement other = browser.findElement(By.cssSelector("[role=option][aria-selected=false]"));
    assertThat(other.getCssValue("background-color")).isNotEqualTo(highlight);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> axeViolations() {
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    if (!(Boolean) browser.executeScript("return typeof axe !== 'undefined'")) {
      browser.executeScript(axe);
    }
    return (List<Object>)
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " axe.run(document, {resultTypes: ['violations']}).then(r => done("
                + " r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): '"
                + " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))));");
  }

  private static void media(String feature, String value) {
    browser.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", feature, "value", value))));
  }

  private static void open(String path) {
    browser.get(server.url(path));
    if (path.startsWith("/doc")) {
      wait(5).until(ExpectedConditions.attributeToBe(By.id("document"), "aria-busy", "false"));
    } else if (path.contains("q=")) {
      wait(5).until(d -> !d.findElement(By.id("status")).getText().isEmpty());
    } else {
      wait(5)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("corpus-summary"), "passages"));
    }
  }

  private static String status() {
    return browser.findElement(By.id("status")).getText();
  }

  private static long scrollY() {
    return ((Number) browser.executeScript("return Math.round(window.scrollY)")).longValue();
  }

  private static void post(String json) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.url("/api/comments")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static WebDriverWait wait(int seconds) {
    return new WebDriverWait(browser, Duration.ofSeconds(seconds));
  }
}
