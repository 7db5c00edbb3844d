package dev.passages.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The build step that makes picocli's Java 5 class files archivable (src/build/java,
 * UpgradeClassFiles): run on picocli's own jar, as the build runs it on the shaded jar.
 */
class ArchivableClassesTest {

  private static final Path TOOL = Path.of("src", "build", "java", "UpgradeClassFiles.java");

  @TempDir Path dir;

  @Test
  void picocliComesOutAsJava8ClassFilesThatTheVerifierAcceptsAndThatStillParseACommandLine()
      throws Exception {
    assumeTrue(Runtime.version().feature() >= 24, "the ClassFile API is final from JDK 24");
    Path original =
        Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assumeTrue(original.toString().endsWith(".jar"), "picocli comes from its jar");
    Map<String, byte[]> before = entries(original);
    assertThat(majorVersion(before.get("picocli/CommandLine.class"))).isLessThan(50);
    Path jar = dir.resolve("picocli.jar");
    Files.copy(original, jar);

    Process tool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                TOOL.toString(),
                jar.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(tool.getInputStream().readAllBytes());
    assertThat(tool.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(tool.exitValue()).as(output).isZero();

    Map<String, byte[]> after = entries(jar);
    assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(before.keySet());
    List<String> classes = new ArrayList<>();
    for (Map.Entry<String, byte[]> entry : after.entrySet()) {
      String name = entry.getKey();
      if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
        assertThat(majorVersion(entry.getValue())).as(name).isEqualTo(52);
        classes.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
      } else {
        assertThat(entry.getValue()).as(name).isEqualTo(before.get(name));
      }
    }
    assertThat(output).contains(classes.size() + " of " + classes.size() + " class files");

    // Every class loaded from the upgraded jar, in a loader of its own, and picocli still reads a
    // command line.
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      for (String name : classes) {
        // Initialised, so linked, so verified: a bad stack map would throw VerifyError here.
        assertThat(Class.forName(name, true, loader).getClassLoader()).isSameAs(loader);
      }
      Class<?> commandLine = Class.forName("picocli.CommandLine", true, loader);
      Class<?> spec = Class.forName("picocli.CommandLine$Model$CommandSpec", true, loader);
      Object command = spec.getMethod("create").invoke(null);
      Class<?> optionSpec = Class.forName("picocli.CommandLine$Model$OptionSpec", true, loader);
      Object builder =
          optionSpec
              .getMethod("builder", String[].class)
              .invoke(null, (Object) new String[] {"-n"});
      // The builder's methods are declared by a class that is not public: reached by reflection.
      Method type = builder.getClass().getMethod("type", Class.class);
      type.setAccessible(true);
      type.invoke(builder, int.class);
      Method build = builder.getClass().getMethod("build");
      build.setAccessible(true);
      Object option = build.invoke(builder);
      spec.getMethod("addOption", optionSpec).invoke(command, option);
      Object parser = commandLine.getConstructor(Object.class).newInstance(command);
      commandLine
          .getMethod("parseArgs", String[].class)
          .invoke(parser, (Object) new String[] {"-n", "42"});
      Object value = optionSpec.getMethod("getValue").invoke(option);
      assertThat(value).isEqualTo(42);
    }
  }

  private static int majorVersion(byte[] classFile) {
    return (classFile[6] & 0xff) << 8 | (classFile[7] & 0xff);
  }

  private static Map<String, byte[]> entries(Path jar) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        if (!entry.isDirectory()) {
          entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
        }
      }
    }
    return entries;
  }
}
