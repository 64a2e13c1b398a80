package org.seq4j.tensor;

import java.util.List;
import java.util.random.RandomGenerator;
import org.seq4j.tensor.kernel.BinaryOp;
import org.seq4j.tensor.kernel.ReduceOp;
import org.seq4j.tensor.kernel.UnaryOp;

/**
 * An immutable n-dimensional array of float32 on a heap {@code float[]}, row-major. A tensor is a view: storage,
 * offset, shape and strides. Reshape (when the layout allows), transpose/permute, narrow/slice/select and
 * expand/broadcast share storage and copy nothing; every other op returns a new contiguous tensor.
 *
 * <p>Errors name the op and the shapes involved. Operations live in small package classes ({@link Elementwise},
 * {@link Reductions}, {@link MatMul}, {@link Indexing}, {@link Joining}, {@link Views}); the methods here are the
 * public face and delegate in one line.
 */
public final class Tensor {
    final float[] data;
    final int offset;
    final Shape shape;
    final int[] strides;

    Tensor(float[] data, int offset, Shape shape, int[] strides) {
        this.data = data;
        this.offset = offset;
        this.shape = shape;
        this.strides = strides;
    }

    /** Takes ownership of a freshly filled row-major array (package producers only: nobody else holds it). */
    static Tensor wrap(float[] data, Shape shape) {
        return new Tensor(data, 0, shape, shape.contiguousStrides());
    }

    // ---- creation -------------------------------------------------------------------------------------------

    /** Copies {@code data} (row-major) into a tensor of shape {@code dims}. */
    public static Tensor of(float[] data, int... dims) {
        Shape s = Shape.of(dims);
        if (s.size() != data.length) {
            throw new IllegalArgumentException("Tensor.of: " + data.length + " values do not fill shape " + s);
        }
        return wrap(data.clone(), s);
    }

    /** A rank-2 tensor from equal-length rows. */
    public static Tensor of(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException(
                        "Tensor.of: row " + r + " has length " + rows[r].length + " but row 0 has " + cols);
            }
            System.arraycopy(rows[r], 0, flat, r * cols, cols);
        }
        return wrap(flat, Shape.of(rows.length, cols));
    }

    public static Tensor scalar(float value) {
        return wrap(new float[] {value}, Shape.scalar());
    }

    public static Tensor zeros(int... dims) {
        return zeros(Shape.of(dims));
    }

    public static Tensor zeros(Shape shape) {
        return wrap(new float[shape.size()], shape);
    }

    public static Tensor ones(int... dims) {
        return full(Shape.of(dims), 1f);
    }

    public static Tensor full(Shape shape, float value) {
        float[] d = new float[shape.size()];
        java.util.Arrays.fill(d, value);
        return wrap(d, shape);
    }

    /** The values start, start+step, ... below end (above end for a negative step), as NumPy's arange. */
    public static Tensor arange(float start, float end, float step) {
        if (step == 0f || !Float.isFinite(start) || !Float.isFinite(end) || !Float.isFinite(step)) {
            throw new IllegalArgumentException("Tensor.arange: bad range " + start + ".." + end + " step " + step);
        }
        // the length in double, as NumPy computes it: end - start in float could round the count away
        int n = Math.max(0, (int) Math.ceil(((double) end - start) / step));
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = (float) (start + (double) i * step);
        }
        return wrap(d, Shape.of(n));
    }

    public static Tensor arange(int n) {
        return arange(0f, n, 1f);
    }

    /** Uniform on [lo, hi), drawn from {@code rng} in row-major order (so a seed fixes every value). */
    public static Tensor uniform(Shape shape, float lo, float hi, RandomGenerator rng) {
        float[] d = new float[shape.size()];
        for (int i = 0; i < d.length; i++) {
            float v = lo + (hi - lo) * rng.nextFloat();
            d[i] = v >= hi && lo < hi ? Math.nextDown(hi) : v; // lo + (hi - lo)·u can round up to hi (e.g. on [1, 2))
        }
        return wrap(d, shape);
    }

    /** Normal(mean, std), drawn from {@code rng} in row-major order. */
    public static Tensor normal(Shape shape, float mean, float std, RandomGenerator rng) {
        float[] d = new float[shape.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (mean + std * rng.nextGaussian());
        }
        return wrap(d, shape);
    }

    /** One-hot rows: shape {@code ids.shape + (depth,)}; an id outside [0, depth) is an error. */
    public static Tensor oneHot(IntTensor ids, int depth) {
        return Indexing.oneHot(ids, depth);
    }

    public static Tensor concat(int axis, List<Tensor> parts) {
        return Joining.concat(axis, parts);
    }

    public static Tensor concat(int axis, Tensor... parts) {
        return Joining.concat(axis, List.of(parts));
    }

    public static Tensor stack(int axis, List<Tensor> parts) {
        return Joining.stack(axis, parts);
    }

    public static Tensor stack(int axis, Tensor... parts) {
        return Joining.stack(axis, List.of(parts));
    }

    /** {@code cond != 0 ? a : b}, all three broadcast together. */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        return Elementwise.where("where", cond, a, b);
    }

    // ---- reading --------------------------------------------------------------------------------------------

    public Shape shape() {
        return shape;
    }

    public int rank() {
        return shape.rank();
    }

    public int size() {
        return shape.size();
    }

    public int dim(int axis) {
        return shape.dim(axis);
    }

    /** The element at {@code index} (one coordinate per dimension). */
    public float get(int... index) {
        return data[Views.flatOffset(this, index)];
    }

    /** The single value of a one-element tensor. */
    public float item() {
        if (shape.size() != 1) {
            throw new IllegalStateException("Tensor.item: shape " + shape + " has " + shape.size() + " elements");
        }
        return data[offset];
    }

    /** A row-major copy of the elements. */
    public float[] toArray() {
        return Strided.toArray(this);
    }

    /** True when the elements are one row-major run in storage. */
    public boolean isContiguous() {
        int expected = 1;
        for (int i = shape.rank() - 1; i >= 0; i--) {
            if (shape.dim(i) != 1 && strides[i] != expected) {
                return false;
            }
            expected *= shape.dim(i);
        }
        return true;
    }

    /** This tensor if already contiguous, else a row-major copy. */
    public Tensor contiguous() {
        return isContiguous() ? this : wrap(toArray(), shape);
    }

    // ---- views ----------------------------------------------------------------------------------------------

    /** Same elements in a new shape; one dimension may be -1. A view when the strides allow, else a copy. */
    public Tensor reshape(int... dims) {
        return Views.reshape(this, dims);
    }

    public Tensor flatten() {
        return reshape(-1);
    }

    public Tensor permute(int... axes) {
        return Views.permute(this, axes);
    }

    public Tensor transpose(int a, int b) {
        return Views.transpose(this, a, b);
    }

    /** Swaps the last two dimensions (a matrix transpose for each batch element). */
    public Tensor mT() {
        return transpose(-2, -1);
    }

    /** Elements {@code start .. start+length-1} along {@code axis}. */
    public Tensor narrow(int axis, int start, int length) {
        return Views.narrow(this, axis, start, length);
    }

    /** Python's {@code t[..., start:end:step, ...]} along one axis; negative start/end count from the end. */
    public Tensor slice(int axis, int start, int end, int step) {
        return Views.slice(this, axis, start, end, step);
    }

    /** The slice at {@code index} along {@code axis}, with that axis removed. */
    public Tensor select(int axis, int index) {
        return Views.select(this, axis, index);
    }

    public Tensor unsqueeze(int axis) {
        return Views.unsqueeze(this, axis);
    }

    public Tensor squeeze(int axis) {
        return Views.squeeze(this, axis);
    }

    /** Repeats size-1 dimensions (and adds leading ones) to reach {@code target}, without copying. */
    public Tensor expand(Shape target) {
        return Views.expand(this, target);
    }

    public Tensor expand(int... dims) {
        return expand(Shape.of(dims));
    }

    public List<Tensor> split(int axis, int... sizes) {
        return Joining.split(this, axis, sizes);
    }

    // ---- element-wise ---------------------------------------------------------------------------------------

    public Tensor map(UnaryOp op) {
        return Elementwise.unary(op, this);
    }

    public Tensor zip(BinaryOp op, Tensor other) {
        return Elementwise.binary(op, this, other);
    }

    public Tensor zip(BinaryOp op, float other) {
        return Elementwise.binaryScalar(op, this, other);
    }

    public Tensor add(Tensor o) { return zip(BinaryOp.ADD, o); }
    public Tensor sub(Tensor o) { return zip(BinaryOp.SUB, o); }
    public Tensor mul(Tensor o) { return zip(BinaryOp.MUL, o); }
    public Tensor div(Tensor o) { return zip(BinaryOp.DIV, o); }
    public Tensor maximum(Tensor o) { return zip(BinaryOp.MAX, o); }
    public Tensor minimum(Tensor o) { return zip(BinaryOp.MIN, o); }
    public Tensor pow(Tensor o) { return zip(BinaryOp.POW, o); }
    public Tensor add(float s) { return zip(BinaryOp.ADD, s); }
    public Tensor sub(float s) { return zip(BinaryOp.SUB, s); }
    public Tensor mul(float s) { return zip(BinaryOp.MUL, s); }
    public Tensor div(float s) { return zip(BinaryOp.DIV, s); }
    public Tensor pow(float s) { return zip(BinaryOp.POW, s); }
    public Tensor eq(Tensor o) { return zip(BinaryOp.EQ, o); }
    public Tensor ne(Tensor o) { return zip(BinaryOp.NE, o); }
    public Tensor lt(Tensor o) { return zip(BinaryOp.LT, o); }
    public Tensor le(Tensor o) { return zip(BinaryOp.LE, o); }
    public Tensor gt(Tensor o) { return zip(BinaryOp.GT, o); }
    public Tensor ge(Tensor o) { return zip(BinaryOp.GE, o); }
    public Tensor eq(float s) { return zip(BinaryOp.EQ, s); }
    public Tensor gt(float s) { return zip(BinaryOp.GT, s); }
    public Tensor lt(float s) { return zip(BinaryOp.LT, s); }
    public Tensor neg() { return map(UnaryOp.NEG); }
    public Tensor abs() { return map(UnaryOp.ABS); }
    public Tensor exp() { return map(UnaryOp.EXP); }
    public Tensor log() { return map(UnaryOp.LOG); }
    public Tensor sqrt() { return map(UnaryOp.SQRT); }
    public Tensor square() { return map(UnaryOp.SQUARE); }
    public Tensor tanh() { return map(UnaryOp.TANH); }
    public Tensor sigmoid() { return map(UnaryOp.SIGMOID); }
    public Tensor relu() { return map(UnaryOp.RELU); }

    public Tensor clamp(float lo, float hi) {
        return zip(BinaryOp.MAX, lo).zip(BinaryOp.MIN, hi);
    }

    /** {@code value} where {@code mask != 0}, this elsewhere; the mask broadcasts. */
    public Tensor maskedFill(Tensor mask, float value) {
        return Elementwise.where("maskedFill", mask, scalar(value), this);
    }

    // ---- reductions -----------------------------------------------------------------------------------------

    public Tensor reduce(ReduceOp op, Axes axes) {
        return Reductions.reduce(op, this, axes);
    }

    public Tensor sum(Axes axes) { return reduce(ReduceOp.SUM, axes); }
    public Tensor max(Axes axes) { return reduce(ReduceOp.MAX, axes); }
    public Tensor min(Axes axes) { return reduce(ReduceOp.MIN, axes); }
    public Tensor mean(Axes axes) { return Reductions.mean(this, axes); }
    public Tensor logSumExp(Axes axes) { return Reductions.logSumExp(this, axes); }
    public Tensor sum(int... axes) { return sum(Axes.of(axes)); }
    public Tensor mean(int... axes) { return mean(Axes.of(axes)); }
    public Tensor max(int... axes) { return max(Axes.of(axes)); }
    public Tensor min(int... axes) { return min(Axes.of(axes)); }

    /** Sums broadcast dimensions away so that the result has {@code target}'s shape (the adjoint of expand). */
    public Tensor sumTo(Shape target) {
        return Reductions.sumTo(this, target);
    }

    /** Index of the (first) largest value along {@code axis}; that axis is removed. */
    public IntTensor argmax(int axis) {
        return Reductions.argmax(this, axis);
    }

    public Tensor softmax(int axis) {
        return Reductions.softmax(this, axis, false);
    }

    public Tensor logSoftmax(int axis) {
        return Reductions.softmax(this, axis, true);
    }

    // ---- linear algebra and indexing -------------------------------------------------------------------------

    /** NumPy matmul: (..., M, K) · (..., K, N) with broadcast batch dimensions; 1-D operands as vectors. */
    public Tensor matmul(Tensor other) {
        return MatMul.matmul(this, other);
    }

    /** Slices along {@code axis} picked by {@code index}: shape {@code pre + index.shape + post} (embedding lookup). */
    public Tensor indexSelect(int axis, IntTensor index) {
        return Indexing.indexSelect(this, axis, index);
    }

    /** This plus {@code source} added at the slices {@code index} picks along {@code axis} (adjoint of indexSelect). */
    public Tensor indexAdd(int axis, IntTensor index, Tensor source) {
        return Indexing.indexAdd(this, axis, index, source);
    }

    /** PyTorch gather: {@code out[i][j] = this[i][index[i][j]]} for axis 1, and so on. */
    public Tensor gather(int axis, IntTensor index) {
        return Indexing.gather(this, axis, index);
    }

    /** This plus {@code source} scattered at {@code index} along {@code axis} (adjoint of gather). */
    public Tensor scatterAdd(int axis, IntTensor index, Tensor source) {
        return Indexing.scatterAdd(this, axis, index, source);
    }

    // ---- comparison and display -----------------------------------------------------------------------------

    /** Same shape and every element within {@code atol + rtol·|other|} (NaNs equal only to NaNs). */
    public boolean allClose(Tensor other, float rtol, float atol) {
        return Views.allClose(this, other, rtol, atol);
    }

    @Override
    public String toString() {
        return TensorFormat.format(this);
    }
}
