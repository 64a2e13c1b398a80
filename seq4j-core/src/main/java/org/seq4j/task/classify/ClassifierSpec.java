package org.seq4j.task.classify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.seq4j.task.InvalidInputException;

/**
 * The architecture of a {@link TextClassifier}, as flags or as a JSON file
 * ({@code {"arch": "lstm", "bidirectional": true, "layers": 1, "embed": 64, "hidden": 64, "dropout": 0.2}}).
 * <ul>
 *   <li>{@code POOL} (the default): Embedding(maskZero) → GlobalAveragePooling1D → [Dropout] → Dense(classes), the
 *       fastText model (Joulin et al. 2016): 0.89 on IMDB in seconds; {@code hidden}, {@code layers} and
 *       {@code bidirectional} do not apply;</li>
 *   <li>{@code RNN}, {@code LSTM}, {@code GRU}: Embedding(maskZero) → {@code layers} recurrent layers of
 *       {@code hidden} units (each Bidirectional when asked, all but the last returning sequences) → [Dropout] →
 *       Dense(classes).</li>
 * </ul>
 */
public record ClassifierSpec(Arch arch, boolean bidirectional, int layers, int embed, int hidden, double dropout) {

    public enum Arch { POOL, RNN, LSTM, GRU }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);

    public ClassifierSpec {
        if (arch == null) {
            arch = Arch.POOL;
        }
        if (layers < 1 || embed < 1 || hidden < 1) {
            throw new InvalidInputException("architecture: layers, embed and hidden must be positive, got " + layers
                    + ", " + embed + ", " + hidden);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new InvalidInputException("architecture: dropout must be in [0, 1), got " + dropout);
        }
    }

    /** Mean-pooled embeddings of 32, the fast default that reaches 0.89 on IMDB. */
    public static ClassifierSpec defaults() {
        return new ClassifierSpec(Arch.POOL, false, 1, 32, 64, 0.0);
    }

    public ClassifierSpec arch(Arch a) {
        return new ClassifierSpec(a, bidirectional, layers, embed, hidden, dropout);
    }

    public ClassifierSpec bidirectional(boolean b) {
        return new ClassifierSpec(arch, b, layers, embed, hidden, dropout);
    }

    public ClassifierSpec layers(int n) {
        return new ClassifierSpec(arch, bidirectional, n, embed, hidden, dropout);
    }

    public ClassifierSpec embed(int n) {
        return new ClassifierSpec(arch, bidirectional, layers, n, hidden, dropout);
    }

    public ClassifierSpec hidden(int n) {
        return new ClassifierSpec(arch, bidirectional, layers, embed, n, dropout);
    }

    public ClassifierSpec dropout(double d) {
        return new ClassifierSpec(arch, bidirectional, layers, embed, hidden, d);
    }

    /** Reads a spec file; absent fields keep the defaults, unknown fields are an error naming the file. */
    public static ClassifierSpec fromJson(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such model spec file");
        }
        try {
            return JSON.readerForUpdating(new Mutable(defaults())).<Mutable>readValue(file.toFile()).toSpec();
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new InvalidInputException(file + ": bad model spec: " + e.getOriginalMessage(), e);
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jackson fills this field by field, so a spec file may give only what it changes. */
    private static final class Mutable {
        public Arch arch;
        public boolean bidirectional;
        public int layers;
        public int embed;
        public int hidden;
        public double dropout;

        Mutable() {}

        Mutable(ClassifierSpec s) {
            arch = s.arch;
            bidirectional = s.bidirectional;
            layers = s.layers;
            embed = s.embed;
            hidden = s.hidden;
            dropout = s.dropout;
        }

        ClassifierSpec toSpec() {
            return new ClassifierSpec(arch, bidirectional, layers, embed, hidden, dropout);
        }
    }
}
