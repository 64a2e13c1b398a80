package org.seq4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.seq4j.autograd.Variable;
import org.seq4j.fixtures.Fixture;
import org.seq4j.tensor.Tensor;

/** TimeDistributed(Dense) against every reference case of its group. */
class TimeDistributedParityTest {

    @TestFactory
    Stream<DynamicTest> timeDistributed() {
        return Fixture.cases("timedistributed", f -> {
            JsonNode inner = f.config().get("layer");
            assertEquals("Dense", inner.get("class_name").asText());
            JsonNode c = inner.get("config");
            Tensor x = f.tensor("input");
            Dense dense = new Dense(Dense.Config.of(x.dim(-1), c.get("units").asInt())
                    .activation(Activation.fromKeras(c.get("activation").asText()))
                    .useBias(c.get("use_bias").asBoolean()), new SplittableRandom(0));
            TimeDistributed layer = new TimeDistributed(TimeDistributed.Config.of(), dense);
            assertEquals(f.listMeta("weight_names"), List.copyOf(layer.weights().keySet()), "weight names");
            CoreLayerParityTest.check(f, layer, x);
        });
    }
}
