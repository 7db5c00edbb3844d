package dev.passages.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Reader comments as files in {@code corpus/comments/}, one per comment: a front-matter block
 * (title, author, date, about) and the text. A comment is durable when {@link #add} returns: it is
 * written to a hidden temporary file, forced to disk, renamed into place and the folder entry
 * forced too, so a crash leaves either no file or the whole file, never half of one.
 */
public final class CommentStore {

  /** The comments' folder, relative to the corpus. */
  public static final String FOLDER = "comments";

  /** Ids are a UTC timestamp and random letters: sortable, unguessable, safe as file names. */
  private static final Pattern ID = Pattern.compile("\\d{8}T\\d{6}Z-[a-z2-7]{8}");

  /** The temporary file {@link #add} writes before renaming it: {@code .<id>.tmp}. */
  private static final Pattern TEMPORARY = Pattern.compile("\\." + ID.pattern() + "\\.tmp");

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

  private final Path folder;
  private final SecureRandom random = new SecureRandom();

  public CommentStore(Path corpus) {
    this.folder = corpus.resolve(FOLDER);
  }

  /**
   * Stores a new comment durably and returns it with its id and date.
   *
   * @throws CommentRejectedException when a field breaks a rule of {@link Comment}
   */
  public Comment add(String doc, Integer paragraph, String author, String text) throws IOException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Comment comment = new Comment(newId(now), doc, paragraph, author, text, now);
    Files.createDirectories(folder);
    Path target = file(comment.id());
    Path temporary = folder.resolve(temporaryName(comment.id()));
    byte[] bytes = render(comment).getBytes(StandardCharsets.UTF_8);
    try (FileChannel channel =
        FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target);
    } finally {
      Files.deleteIfExists(temporary);
    }
    forceFolder();
    return comment;
  }

  /**
   * Deletes the temporary files of comments whose writing never finished and returns how many there
   * were. A process killed between creating one and renaming it leaves it behind; hidden, it is
   * never indexed, but it was never acknowledged either and would pile up with every crash.
   *
   * <p>Only for the one writer of this folder, before it takes comments: a temporary file of a
   * write under way looks the same. {@code passages serve} calls it once it holds the index lock.
   */
  public int removeUnfinished() throws IOException {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path file : files) {
        if (TEMPORARY.matcher(file.getFileName().toString()).matches()
            && Files.deleteIfExists(file)) {
          removed++;
        }
      }
    }
    if (removed > 0) {
      forceFolder();
    }
    return removed;
  }

  /** Deletes comment {@code id}; false when there is no such comment. */
  public boolean delete(String id) throws IOException {
    if (!ID.matcher(id).matches()) {
      return false; // also keeps "../x" and friends away from the file system
    }
    boolean deleted = Files.deleteIfExists(file(id));
    if (deleted) {
      forceFolder();
    }
    return deleted;
  }

  /** Whether {@code id} has the shape of a comment id. */
  public static boolean isId(String id) {
    return ID.matcher(id).matches();
  }

  private Path file(String id) {
    return folder.resolve(id + ".txt");
  }

  /** Hidden, so the corpus reader never indexes a comment that is still being written. */
  private static String temporaryName(String id) {
    return "." + id + ".tmp";
  }

  private String newId(Instant now) {
    StringBuilder id = new StringBuilder(ID_TIME.format(now)).append('-');
    for (int i = 0; i < 8; i++) {
      id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  /**
   * {@code value} as front matter reads it back: in double quotes when it starts and ends with the
   * same quote, which the reader would otherwise take off ({@code "JD"} stays {@code "JD"}).
   */
  private static String quotedWhenNeeded(String value) {
    boolean quoted =
        value.length() >= 2
            && (value.charAt(0) == '"' || value.charAt(0) == '\'')
            && value.charAt(value.length() - 1) == value.charAt(0);
    return quoted ? '"' + value + '"' : value;
  }

  /** The file's text. Values are single lines (the author is checked to be one). */
  static String render(Comment comment) {
    return "---\n"
        + "title: Comment by "
        + comment.author()
        + "\n"
        + "author: "
        + quotedWhenNeeded(comment.author())
        + "\n"
        + "date: "
        + comment.date()
        + "\n"
        + "about: "
        + comment.about()
        + "\n"
        + "---\n"
        + comment.text()
        + "\n";
  }

  /** Makes the folder's entries (the rename, the deletion) durable too. */
  private void forceFolder() throws IOException {
    try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // Some file systems cannot open a folder for syncing; the file itself is already forced.
    }
  }
}
