package dev.passages.cli;

import dev.passages.embedding.EmbeddingModel;
import dev.passages.index.VectorFill;
import dev.passages.index.VectorProgress;
import dev.passages.search.MeaningStatus;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code --semantic on|off} option of index, search and serve, and what it turns on. */
final class SemanticOption {

  /** Whether meaning-based search is on. */
  enum Switch {
    on,
    off
  }

  Switch semantic = Switch.on;

  /** The option, added to {@code spec} as a mixin's would be. */
  SemanticOption(CommandSpec spec) {
    spec.addOption(
        Options.option("--semantic", Switch.class, () -> semantic, value -> semantic = value)
            .defaultValue("on")
            .paramLabel("on|off")
            .description(
                "Search questions by meaning too, with the embedding model inside the jar (default:"
                    + " ${DEFAULT-VALUE}); off: by words alone, and nothing is embedded.")
            .build());
  }

  boolean on() {
    return semantic == Switch.on;
  }

  /** What {@code /health} says of meaning-based search. */
  static MeaningStatus status(boolean on, EmbeddingModel model, VectorFill fill) {
    if (!on) {
      return MeaningStatus.OFF;
    }
    if (model.problem().isPresent()) {
      return new MeaningStatus("unavailable", 0, 0, 0, -1, model.problem().get());
    }
    VectorProgress progress = fill.progress();
    if (model.now().isEmpty()) {
      return new MeaningStatus("loading", progress.embedded(), progress.passages(), 0, -1, null);
    }
    boolean done = progress.embedded() >= progress.passages();
    return new MeaningStatus(
        done ? "ready" : "embedding",
        progress.embedded(),
        progress.passages(),
        progress.perSecond(),
        progress.secondsLeft(),
        null);
  }
}
