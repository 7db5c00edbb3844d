import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Build step (run by the pom after the jar is shaded, on JDK 24+): re-emits the jar's class files
 * older than Java 6 as Java 8 class files, with the stack maps the JDK's own ClassFile API
 * computes.
 *
 * <p>Why: picocli is compiled for Java 5. The JVM cannot keep such classes in a class-data-sharing
 * archive or an AOT cache once linked ("Old class has been linked": they are verified by the old
 * inferencing verifier, whose work cannot be recorded), so every start read, parsed and linked its
 * classes from the jar afresh, and ran their code cold: a fifth of the time from launch to the
 * first answer. Re-emitted, they are archived like every other class. Nothing else changes: the
 * instructions are copied as they are; only the version and the stack maps are new, and the JVM
 * verifies them when it loads the classes.
 *
 * <p>Usage: {@code java UpgradeClassFiles.java JAR}. The jar is updated in place; entries that are
 * not changed are copied without being recompressed.
 */
public final class UpgradeClassFiles {

  /** Class files below this major version (Java 6) are not archived by the JVM. */
  private static final int OLDEST_ARCHIVED = 50;

  /** Java 8: the oldest version that requires stack maps and has no other new rule to meet. */
  private static final int UPGRADED = 52;

  private UpgradeClassFiles() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java UpgradeClassFiles.java JAR");
      System.exit(2);
    }
    Path jar = Path.of(args[0]).toAbsolutePath();
    try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
      List<Path> old;
      try (Stream<Path> files = Files.walk(zip.getPath("/"))) {
        old =
            files
                .filter(f -> f.toString().endsWith(".class"))
                .filter(f -> !f.toString().startsWith("/META-INF/"))
                .filter(UpgradeClassFiles::isOld)
                .toList();
      }
      // Stack maps name the common supertypes of merging paths: look them up in the jar first,
      // then in the JDK.
      ClassHierarchyResolver inJar =
          ClassHierarchyResolver.ofResourceParsing(desc -> open(zip, desc.descriptorString()));
      ClassFile classFile =
          ClassFile.of(
              ClassFile.ClassHierarchyResolverOption.of(
                  inJar.orElse(ClassHierarchyResolver.defaultResolver())),
              ClassFile.StackMapsOption.GENERATE_STACK_MAPS);
      ClassTransform upgrade =
          ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
              .andThen(
                  (builder, element) -> {
                    if (element instanceof ClassFileVersion) {
                      builder.withVersion(UPGRADED, 0);
                    } else {
                      builder.with(element);
                    }
                  });
      int upgraded = 0;
      for (Path file : old) {
        try {
          Files.write(
              file, classFile.transformClass(classFile.parse(Files.readAllBytes(file)), upgrade));
          upgraded++;
        } catch (IllegalArgumentException e) {
          // A supertype the jar does not hold: the class stays as it was, loaded as before.
          System.out.printf("UpgradeClassFiles: %s kept as it is: %s%n", file, e.getMessage());
        }
      }
      System.out.printf(
          "UpgradeClassFiles: %d of %d class files older than Java 6 re-emitted as Java 8 in %s%n",
          upgraded, old.size(), jar.getFileName());
    }
  }

  private static boolean isOld(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] header = in.readNBytes(8);
      return header.length == 8 && ((header[6] & 0xff) << 8 | (header[7] & 0xff)) < OLDEST_ARCHIVED;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The class file named by a descriptor such as {@code Lpicocli/CommandLine;}, or null. */
  private static InputStream open(FileSystem zip, String descriptor) {
    Path file = zip.getPath("/" + descriptor.substring(1, descriptor.length() - 1) + ".class");
    try {
      return Files.exists(file) ? Files.newInputStream(file) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
