package org.seq4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random chains of views (permute, narrow, slice, select, unsqueeze, expand, reshape) mirrored on a plain row-major
 * model; every layout the chains reach is then read, reshaped, reduced and combined, and compared with the model.
 */
class ViewFuzzTest {

    /** The model: the values a tensor should hold, row-major, and its dims. */
    private record Model(float[] v, int[] dims) {
        float at(int[] idx) {
            return Ref.at(v, dims, idx);
        }
    }

    private static Model map(Model m, int[] dims, java.util.function.Function<int[], int[]> source) {
        float[] out = new float[Ref.size(dims)];
        for (int[] o : Ref.indices(dims)) {
            out[Ref.flat(dims, o)] = m.at(source.apply(o));
        }
        return new Model(out, dims);
    }

    /** Applies one random view to both the tensor and the model; returns the new pair via the arrays. */
    private static String step(SplittableRandom r, Tensor[] t, Model[] m) {
        int[] d = m[0].dims;
        int rank = d.length;
        int kind = r.nextInt(7);
        if (rank == 0 || kind == 0) {
            int a = r.nextInt(rank + 1);
            t[0] = t[0].unsqueeze(a);
            int[] nd = new int[rank + 1];
            for (int i = 0, j = 0; i <= rank; i++) {
                nd[i] = i == a ? 1 : d[j++];
            }
            m[0] = new Model(m[0].v, nd);
            return "unsqueeze(" + a + ")";
        }
        int a = r.nextInt(rank);
        switch (kind) {
            case 1 -> {
                int[] perm = shuffled(r, rank);
                t[0] = t[0].permute(perm);
                int[] nd = new int[rank];
                for (int i = 0; i < rank; i++) {
                    nd[i] = d[perm[i]];
                }
                m[0] = map(m[0], nd, o -> {
                    int[] s = new int[rank];
                    for (int i = 0; i < rank; i++) {
                        s[perm[i]] = o[i];
                    }
                    return s;
                });
                return "permute" + Arrays.toString(perm);
            }
            case 2 -> {
                int start = r.nextInt(d[a] + 1);
                int len = r.nextInt(d[a] - start + 1);
                t[0] = t[0].narrow(a, start, len);
                return "narrow(" + a + ", " + start + ", " + len + ")" + shift(m, a, start, 1, len);
            }
            case 3 -> {
                int start = r.nextInt(d[a] + 1);
                int end = start + r.nextInt(d[a] - start + 1);
                int stepBy = 1 + r.nextInt(3);
                int from = start < d[a] ? start - d[a] : start; // negative: counted from the end
                t[0] = t[0].slice(a, from, end, stepBy);
                int n = end <= start ? 0 : (end - start + stepBy - 1) / stepBy;
                return "slice(" + a + ", " + from + ", " + end + ", " + stepBy + ")" + shift(m, a, start, stepBy, n);
            }
            case 4 -> {
                if (d[a] == 0) {
                    return "skip";
                }
                int i = r.nextInt(d[a]);
                t[0] = t[0].select(a, i);
                int[] nd = new int[rank - 1];
                for (int s = 0, j = 0; s < rank; s++) {
                    if (s != a) {
                        nd[j++] = d[s];
                    }
                }
                m[0] = map(m[0], nd, o -> {
                    int[] s = new int[rank];
                    for (int x = 0, j = 0; x < rank; x++) {
                        s[x] = x == a ? i : o[j++];
                    }
                    return s;
                });
                return "select(" + a + ", " + i + ")";
            }
            case 5 -> {
                int[] nd = d.clone();
                for (int i = 0; i < rank; i++) {
                    if (d[i] == 1) {
                        nd[i] = 1 + r.nextInt(3);
                    }
                }
                t[0] = t[0].expand(nd);
                m[0] = map(m[0], nd, o -> {
                    int[] s = o.clone();
                    for (int i = 0; i < rank; i++) {
                        s[i] = d[i] == 1 ? 0 : o[i];
                    }
                    return s;
                });
                return "expand" + Arrays.toString(nd);
            }
            default -> {
                int[] nd = randomShape(r, Ref.size(d));
                t[0] = t[0].reshape(nd);
                m[0] = new Model(m[0].v, nd);
                return "reshape" + Arrays.toString(nd);
            }
        }
    }

    private static String shift(Model[] m, int a, int start, int step, int n) {
        int[] nd = m[0].dims.clone();
        nd[a] = n;
        m[0] = map(m[0], nd, o -> {
            int[] s = o.clone();
            s[a] = start + o[a] * step;
            return s;
        });
        return "";
    }

    private static int[] shuffled(SplittableRandom r, int n) {
        int[] p = new int[n];
        Arrays.setAll(p, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int x = p[i];
            p[i] = p[j];
            p[j] = x;
        }
        return p;
    }

    /** A random factorisation of {@code size} into up to 4 dims, some of them 1; one may be written -1. */
    private static int[] randomShape(SplittableRandom r, int size) {
        List<Integer> dims = new ArrayList<>();
        int rest = size;
        if (size == 0) {
            return new int[] {r.nextInt(3), 0, 1 + r.nextInt(2)};
        }
        while (rest > 1 && dims.size() < 3) {
            List<Integer> divs = new ArrayList<>();
            for (int k = 1; k <= rest; k++) {
                if (rest % k == 0) {
                    divs.add(k);
                }
            }
            int k = divs.get(r.nextInt(divs.size()));
            dims.add(k);
            rest /= k;
        }
        dims.add(rest);
        if (r.nextInt(3) == 0) {
            dims.add(r.nextInt(dims.size() + 1), 1);
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void check(String chain, Tensor t, Model m, SplittableRandom r) {
        assertArrayEquals(m.dims, t.shape().dims(), chain);
        assertArrayEquals(m.v, t.toArray(), chain);
        for (int[] idx : Ref.indices(m.dims)) {
            assertEquals(m.at(idx), t.get(idx), chain);
        }
        assertArrayEquals(m.v, t.contiguous().toArray(), chain);
        int[] nd = randomShape(r, m.v.length);
        assertArrayEquals(m.v, t.reshape(nd).toArray(), chain + " then reshape" + Arrays.toString(nd));
        // element-wise against a contiguous copy of itself, and against its own view broadcast from a slice
        float[] twice = new float[m.v.length];
        for (int i = 0; i < twice.length; i++) {
            twice[i] = m.v[i] * 2;
        }
        assertArrayEquals(twice, t.add(Tensor.of(m.v, m.dims)).toArray(), chain + " then add");
        assertArrayEquals(twice, Tensor.of(m.v, m.dims).add(t).toArray(), chain + " then add (swapped)");
        assertArrayEquals(twice, t.mul(2f).toArray(), chain + " then mul");
        // broadcast against a partner of a random compatible shape and layout: partner - t
        int[] od = partner(r, m.dims);
        float[] ov = Ref.values(r.nextLong(), Ref.size(od));
        Tensor other = r.nextBoolean() ? Tensor.of(ov, od) : Ref.strided(ov, od);
        float[] diff = new float[m.v.length];
        List<int[]> all = Ref.indices(m.dims);
        for (int i = 0; i < diff.length; i++) {
            diff[i] = Ref.bcast(ov, od, all.get(i)) - m.v[i];
        }
        assertArrayEquals(diff, other.sub(t).toArray(), chain + " then " + Arrays.toString(od) + " - it");
        // where: a 0/1 condition of the partner's shape and layout picks between t and the partner
        float[] cv = new float[ov.length];
        for (int i = 0; i < cv.length; i++) {
            cv[i] = r.nextInt(2);
        }
        Tensor cond = r.nextBoolean() ? Tensor.of(cv, od) : Ref.strided(cv, od);
        float[] picked = new float[m.v.length];
        for (int i = 0; i < picked.length; i++) {
            picked[i] = Ref.bcast(cv, od, all.get(i)) != 0 ? m.v[i] : Ref.bcast(ov, od, all.get(i));
        }
        assertArrayEquals(picked, Tensor.where(cond, t, other).toArray(), chain + " then where");
        // max over a random set of axes (all of them when none is drawn)
        int[] axes = java.util.stream.IntStream.range(0, m.dims.length).filter(i -> r.nextBoolean()).toArray();
        int[] red = axes.length == 0 ? java.util.stream.IntStream.range(0, m.dims.length).toArray() : axes;
        int[] keepMax = m.dims.clone();
        for (int x : red) {
            keepMax[x] = 1;
        }
        float[] mx = new float[Ref.size(keepMax)];
        Arrays.fill(mx, Float.NEGATIVE_INFINITY);
        for (int[] idx : all) {
            int[] o = idx.clone();
            for (int x : red) {
                o[x] = 0;
            }
            int f = Ref.flat(keepMax, o);
            mx[f] = Math.max(mx[f], m.at(idx));
        }
        assertArrayEquals(mx, t.max(Axes.of(axes).keepDims()).toArray(), chain + " then max" + Arrays.toString(axes));
        // sum over one random axis, keeping dims
        if (m.dims.length > 0) {
            int a = r.nextInt(m.dims.length);
            int[] keep = m.dims.clone();
            keep[a] = 1;
            double[] e = new double[Ref.size(keep)];
            for (int[] idx : Ref.indices(m.dims)) {
                int[] o = idx.clone();
                o[a] = 0;
                e[Ref.flat(keep, o)] += m.at(idx);
            }
            float[] got = t.sum(Axes.of(a).keepDims()).toArray();
            for (int i = 0; i < e.length; i++) {
                if (Math.abs(got[i] - e[i]) > 1e-6 * Math.abs(e[i]) + 1e-6) {
                    fail(chain + " then sum(" + a + "): element " + i + " expected " + e[i] + " was " + got[i]);
                }
            }
        }
    }

    /** A shape that broadcasts with {@code dims} to exactly {@code dims}: some dims 1, some leading ones dropped. */
    private static int[] partner(SplittableRandom r, int[] dims) {
        int drop = r.nextInt(dims.length + 1);
        int[] p = Arrays.copyOfRange(dims, drop, dims.length);
        for (int i = 0; i < p.length; i++) {
            if (r.nextInt(3) == 0) {
                p[i] = 1;
            }
        }
        return p;
    }

    @Test
    void randomViewChainsMatchTheModel() {
        SplittableRandom r = new SplittableRandom(Long.getLong("fuzz.seed", 2024));
        for (int trial = 0; trial < Integer.getInteger("fuzz.trials", 300); trial++) {
            int[] dims = randomShape(r, new int[] {1, 6, 12, 24, 30, 60}[r.nextInt(6)]);
            float[] v = Ref.values(trial, Ref.size(dims));
            Tensor[] t = {Tensor.of(v, dims)};
            Model[] m = {new Model(v, dims)};
            StringBuilder chain = new StringBuilder("trial " + trial + ": " + Arrays.toString(dims));
            int steps = 1 + r.nextInt(5);
            for (int s = 0; s < steps && m[0].v.length <= 400; s++) {
                chain.append(" .").append(step(r, t, m));
                check(chain.toString(), t[0], m[0], r);
            }
        }
    }
}
