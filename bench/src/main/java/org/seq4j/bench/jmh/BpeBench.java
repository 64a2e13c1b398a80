package org.seq4j.bench.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.seq4j.text.bpe.BpeFiles;
import org.seq4j.text.bpe.BpeTokenizer;
import org.seq4j.text.bpe.Merge;

/**
 * GPT-2 BPE encoding speed on Tiny Shakespeare (1,115,394 bytes), single thread. MB/s = 1.115 / (seconds per op).
 * {@code warm}: the piece cache already holds the text's words (steady state of a long run);
 * {@code cold}: a fresh tokenizer per call, so every distinct word goes through the merge loop once.
 *
 * <p>Run: {@code java -cp seq4j-bench/target/classes:$(cat seq4j-bench/target/classpath.txt)
 * org.openjdk.jmh.Main BpeBench}; data from {@code -Dseq4j.data=DIR}, else {@code ../shared/data} beside the repo.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class BpeBench {
    private String text;
    private Map<String, Integer> vocab;
    private List<Merge> merges;
    private BpeTokenizer warm;
    private BpeTokenizer cold;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path data = dataDir();
        text = Files.readString(data.resolve("language_modeling/tinyshakespeare.txt"), StandardCharsets.UTF_8);
        Path gpt2 = data.resolve("pretrained/gpt2-tokenizer");
        vocab = BpeFiles.readVocab(gpt2.resolve("encoder.json"));
        merges = BpeFiles.readMerges(gpt2.resolve("vocab.bpe"));
        warm = new BpeTokenizer(vocab, merges, List.of(BpeFiles.END_OF_TEXT));
        warm.encode(text);
    }

    @Setup(Level.Invocation)
    public void freshTokenizer() {
        cold = new BpeTokenizer(vocab, merges, List.of(BpeFiles.END_OF_TEXT));
    }

    @Benchmark
    public int[] warm() {
        return warm.encode(text);
    }

    @Benchmark
    public int[] cold() {
        return cold.encode(text);
    }

    private static Path dataDir() {
        String override = System.getProperty("seq4j.data");
        if (override != null) {
            return Path.of(override);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("../shared/data"))) {
                return p.resolve("../shared/data").normalize();
            }
        }
        throw new IllegalStateException("no ../shared/data found; pass -Dseq4j.data=DIR");
    }
}
