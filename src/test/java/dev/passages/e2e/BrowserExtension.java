package dev.passages.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Gives tests one headless Chromium, started once for the whole run (it takes seconds) and quit
 * when the run ends. Debian's {@code chromium} and {@code chromium-driver} are used as installed;
 * nothing is downloaded.
 */
public final class BrowserExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BrowserExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ChromeDriver.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(SharedBrowser.class, k -> SharedBrowser.start(), SharedBrowser.class)
        .driver();
  }

  /** The browser and its throw-away profile; closed by JUnit at the end of the run. */
  record SharedBrowser(ChromeDriver driver, Path profile) implements AutoCloseable {

    static SharedBrowser start() {
      Path binary = Path.of(System.getProperty("passages.chromium", "/usr/bin/chromium"));
      Path driverBinary =
          Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
      if (!Files.isExecutable(binary) || !Files.isExecutable(driverBinary)) {
        throw new IllegalStateException(
            "browser tests need "
                + binary
                + " and "
                + driverBinary
                + ": apt-get install chromium chromium-driver (.ci/run does)");
      }
      try {
        Path profile = Files.createTempDirectory("passages-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        options.addArguments(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-first-run",
            "--window-size=1280,900",
            "--user-data-dir=" + profile);
        ChromeDriverService service =
            new ChromeDriverService.Builder().usingDriverExecutable(driverBinary.toFile()).build();
        return new SharedBrowser(new ChromeDriver(service, options), profile);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        driver.quit();
      } finally {
        try (Stream<Path> files = Files.walk(profile)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }
}
