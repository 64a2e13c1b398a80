package org.seq4j.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which special tokens a {@link Vocabulary} has, and how they are spelled; {@code null} = absent.
 * Builders give them the first ids in the order pad, unk, bos, eos, mask, cls, sep, so PAD is 0 (what
 * {@code Embedding(maskZero)} expects) whenever it is present.
 */
public record SpecialTokens(String pad, String unk, String bos, String eos, String mask, String cls, String sep) {

    /** The roles a special token can play. */
    public enum Role { PAD, UNK, BOS, EOS, MASK, CLS, SEP }

    public SpecialTokens {
        Set<String> seen = new HashSet<>();
        for (String t : new String[] {pad, unk, bos, eos, mask, cls, sep}) {
            if (t == null) {
                continue;
            }
            if (t.isEmpty()) {
                throw new IllegalArgumentException("a special token must not be empty");
            }
            if (!seen.add(t)) {
                throw new IllegalArgumentException("special token '" + t + "' is given two roles");
            }
        }
    }

    /** For sequence-to-sequence models: {@code <pad> <unk> <bos> <eos>}. */
    public static SpecialTokens defaults() {
        return new SpecialTokens("<pad>", "<unk>", "<bos>", "<eos>", null, null, null);
    }

    /** BERT's spelling: {@code [PAD] [UNK] [MASK] [CLS] [SEP]}, no BOS/EOS. */
    public static SpecialTokens bert() {
        return new SpecialTokens("[PAD]", "[UNK]", null, null, "[MASK]", "[CLS]", "[SEP]");
    }

    /** No special tokens at all (then unknown tokens cannot be encoded). */
    public static SpecialTokens none() {
        return new SpecialTokens(null, null, null, null, null, null, null);
    }

    /** Role → token for the present ones, in canonical order. */
    public Map<Role, String> byRole() {
        Map<Role, String> out = new LinkedHashMap<>();
        String[] all = {pad, unk, bos, eos, mask, cls, sep};
        for (Role r : Role.values()) {
            if (all[r.ordinal()] != null) {
                out.put(r, all[r.ordinal()]);
            }
        }
        return out;
    }

    /** The present tokens in canonical order. */
    public List<String> present() {
        return new ArrayList<>(byRole().values());
    }

    /** Builds from a role map (e.g. a loaded file); missing roles are absent. */
    public static SpecialTokens of(Map<Role, String> roles) {
        return new SpecialTokens(roles.get(Role.PAD), roles.get(Role.UNK), roles.get(Role.BOS), roles.get(Role.EOS),
                roles.get(Role.MASK), roles.get(Role.CLS), roles.get(Role.SEP));
    }

    public SpecialTokens withPad(String t) {
        return new SpecialTokens(t, unk, bos, eos, mask, cls, sep);
    }

    public SpecialTokens withUnk(String t) {
        return new SpecialTokens(pad, t, bos, eos, mask, cls, sep);
    }

    public SpecialTokens withBos(String t) {
        return new SpecialTokens(pad, unk, t, eos, mask, cls, sep);
    }

    public SpecialTokens withEos(String t) {
        return new SpecialTokens(pad, unk, bos, t, mask, cls, sep);
    }

    public SpecialTokens withMask(String t) {
        return new SpecialTokens(pad, unk, bos, eos, t, cls, sep);
    }

    public SpecialTokens withCls(String t) {
        return new SpecialTokens(pad, unk, bos, eos, mask, t, sep);
    }

    public SpecialTokens withSep(String t) {
        return new SpecialTokens(pad, unk, bos, eos, mask, cls, t);
    }
}
