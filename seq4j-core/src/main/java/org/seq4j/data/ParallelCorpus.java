package org.seq4j.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Sentence pairs for translation, streamed: from two columns of a TSV with a header (Tatoeba {@code eng<TAB>fra}),
 * or from two line-aligned files (Multi30k {@code train.en.gz} / {@code train.de.gz}). Close the streams.
 */
public final class ParallelCorpus {
    private ParallelCorpus() {
    }

    /** Pairs from the columns {@code sourceColumn} and {@code targetColumn} of a TSV file with a header. */
    public static Stream<SentencePair> tsv(Path file, String sourceColumn, String targetColumn) throws IOException {
        DelimitedReader reader = DelimitedReader.open(file, DelimitedOptions.tsv().withColumns(sourceColumn,
                targetColumn));
        return reader.stream().map(row -> new SentencePair(row.get(0), row.get(1), row.line()));
    }

    /**
     * Pairs of line {@code i} of {@code sourceFile} and line {@code i} of {@code targetFile}. Files of different
     * length are an error (raised when the shorter one ends), never a silently truncated corpus.
     */
    public static Stream<SentencePair> aligned(Path sourceFile, Path targetFile) throws IOException {
        LineReader source = LineReader.open(sourceFile);
        LineReader target;
        try {
            target = LineReader.open(targetFile);
        } catch (IOException e) {
            source.close();
            throw e;
        }
        Iterator<SentencePair> pairs = new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean s = source.hasNext();
                boolean t = target.hasNext();
                if (s != t) {
                    LineReader longer = s ? source : target;
                    LineReader shorter = s ? target : source;
                    throw new IllegalArgumentException(shorter.source() + " ends after " + shorter.lineNumber()
                            + " lines but " + longer.source() + " has more: the files are not aligned");
                }
                return s;
            }

            @Override
            public SentencePair next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return new SentencePair(source.next(), target.next(), source.lineNumber());
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pairs, Spliterator.ORDERED), false)
                .onClose(() -> {
                    try (source; target) {
                        // closes both, even if one close fails
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
