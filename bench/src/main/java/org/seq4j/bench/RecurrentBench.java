package org.seq4j.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Context;
import org.seq4j.nn.Masked;
import org.seq4j.nn.recurrent.LSTM;
import org.seq4j.nn.recurrent.LstmState;
import org.seq4j.nn.recurrent.RecurrentCell;
import org.seq4j.nn.recurrent.Step;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * An LSTM over a (B, T, F) batch, forward and backward: the layer (input projection of all steps as one GEMM before
 * the loop) against stepping the cell by hand (a (B, F)·(F, 4u) product inside every step).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class RecurrentBench {

    @Param({"32"})
    int batch;

    @Param({"100"})
    int time;

    @Param({"64"})
    int features;

    @Param({"64"})
    int units;

    private LSTM lstm;
    private Tensor x;

    @Setup
    public void setup() {
        lstm = new LSTM(LSTM.Config.of(features, units).returnSequences(true), new SplittableRandom(1));
        x = Tensor.uniform(Shape.of(batch, time, features), -1f, 1f, new SplittableRandom(2));
    }

    @Benchmark
    public Tensor layerProjectedOnce() {
        Variable xv = Variable.parameter(x);
        Variable y = lstm.call(List.of(Masked.of(xv)), Context.inference()).get(0).value();
        y.sum().backward();
        return xv.grad();
    }

    @Benchmark
    public Tensor cellSteppedByHand() {
        Variable xv = Variable.parameter(x);
        RecurrentCell<LstmState> cell = lstm.cell();
        LstmState state = cell.zeroState(batch);
        Variable loss = null;
        for (int t = 0; t < time; t++) {
            Step<LstmState> step = cell.step(xv.select(1, t), state);
            state = step.state();
            Variable s = step.output().sum();
            loss = loss == null ? s : loss.add(s);
        }
        loss.backward();
        return xv.grad();
    }
}
