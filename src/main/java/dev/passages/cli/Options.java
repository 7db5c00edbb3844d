package dev.passages.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The commands and their options, described to picocli in code rather than by annotations.
 *
 * <p>Why: to read an annotation, the JDK generates a proxy class for its type and parses every
 * annotated member, and no AOT cache keeps those classes. Building {@code passages serve}'s command
 * line from its annotations took 130-190 ms of the main thread at every start on two cores; built
 * in code it takes 27-40 ms (README, Performance, 2026-12-06 morning). Each option still lives in a
 * field of its command.
 */
final class Options {

  /** What {@code --version} prints. */
  static final String VERSION = "passages 0.1.0";

  private Options() {}

  /**
   * The command {@code name}, run by {@code command} (a {@link Runnable} or {@link
   * java.util.concurrent.Callable}), with picocli's standard {@code -h, --help} and {@code -V,
   * --version}.
   */
  static CommandSpec command(Object command, String name, String... description) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name).version(VERSION);
    spec.usageMessage().description(description);
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .description("Print version information and exit.")
            .build());
    return spec;
  }

  /**
   * The option {@code name}, whose value, of {@code type}, is kept in a field that {@code getter}
   * reads and {@code setter} sets.
   */
  static <T> OptionSpec.Builder option(
      String name, Class<?> type, Supplier<T> getter, Consumer<T> setter) {
    Field<T> field = new Field<>(getter, setter);
    // The field's value now is what picocli restores before each parse, as with annotations.
    return OptionSpec.builder(name)
        .type(type)
        .getter(field)
        .setter(field)
        .initialValue(getter.get());
  }

  /** Positional parameters of {@code type}, kept in a field as {@link #option} keeps options. */
  static <T> PositionalParamSpec.Builder parameters(
      Class<?> type, Supplier<T> getter, Consumer<T> setter) {
    Field<T> field = new Field<>(getter, setter);
    return PositionalParamSpec.builder()
        .type(type)
        .getter(field)
        .setter(field)
        .initialValue(getter.get());
  }

  /** A command's field, for picocli to read and set: what it does by reflection otherwise. */
  private record Field<T>(Supplier<T> getter, Consumer<T> setter) implements IGetter, ISetter {

    @Override
    @SuppressWarnings("unchecked")
    public <V> V get() {
      return (V) getter.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V set(V value) {
      V previous = get();
      setter.accept((T) value);
      return previous;
    }
  }
}
