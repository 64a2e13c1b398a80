package org.seq4j.task.tag;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import org.seq4j.data.ConllUToken;

/** Which CoNLL-U column a tagger predicts. */
public enum TagColumn {
    UPOS(ConllUToken::upos),
    XPOS(ConllUToken::xpos),
    DEPREL(ConllUToken::deprel),
    FEATS(ConllUToken::feats);

    private final Function<ConllUToken, String> read;

    TagColumn(Function<ConllUToken, String> read) {
        this.read = read;
    }

    String of(ConllUToken token) {
        return read.apply(token);
    }

    /** By name, any case ("upos", "XPOS"); an unknown name is an error listing the known ones. */
    public static TagColumn parse(String name) {
        for (TagColumn c : values()) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown CoNLL-U tag column '" + name + "' (one of "
                + Arrays.stream(values()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ")");
    }
}
