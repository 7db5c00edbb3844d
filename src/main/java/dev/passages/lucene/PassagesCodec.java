package dev.passages.lucene;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's codec with the stored passages in blocks of {@value #BLOCK_BYTES} bytes instead of 80
 * KB. A hit's passage is read by decompressing the block that holds it, and a page's hits are
 * scattered over the index: with Lucene's blocks, reading them was two thirds of marking a page of
 * keyword hits at a million passages. Read alone, a passage costs 3.1 µs instead of 9.3, for 16 %
 * more bytes of stored text (200,000 passages of the million corpus, both ways in turn in one JVM).
 *
 * <p>Lucene finds the codec by its name ({@code META-INF/services}), so an index written with it
 * opens wherever this class is; the segments of an index written before it keep Lucene's codec.
 */
public final class PassagesCodec extends FilterCodec {

  static final String NAME = "Passages104";

  /** A few dozen passages a block (a passage averages 172 characters at a million). */
  static final int BLOCK_BYTES = 4 * 1024;

  private final StoredFieldsFormat storedFields =
      new Lucene90CompressingStoredFieldsFormat(
          // At most 128 passages a block, and Lucene's index of blocks in its usual chunks.
          "PassagesStoredFields", CompressionMode.FAST, BLOCK_BYTES, 128, 10);

  /** Public and without arguments, as Lucene's service loader wants. */
  public PassagesCodec() {
    super(NAME, new Lucene104Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }

  /**
   * The codec new segments are written with, found by its name as a reader will find it: were the
   * service file lost, writing fails at once instead of leaving an index that cannot be opened.
   */
  static Codec get() {
    return Codec.forName(NAME);
  }
}
