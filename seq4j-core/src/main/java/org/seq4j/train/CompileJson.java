package org.seq4j.train;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import org.seq4j.loss.Loss;
import org.seq4j.optim.LearningRateSchedule;

/**
 * The compile configuration as JSON in a model file's metadata: loss, optimizer spec and metric specs are records
 * (the losses, schedules and optimizer configs of the lower packages are records too), each tagged with its class.
 */
final class CompileJson {
    private static final ObjectMapper JSON = mapper();

    /** What is stored: enough to rebuild the compiled model. */
    record Stored(Loss<?> loss, OptimizerSpec optimizer, List<MetricSpec> metrics) {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, property = "@type")
    private interface Typed {}

    private CompileJson() {}

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        for (Class<?> c : List.of(Record.class, Loss.class, LearningRateSchedule.class, MetricSpec.class)) {
            m.addMixIn(c, Typed.class);
        }
        // a model file must never choose what gets instantiated beyond seq4j's own records
        m.setPolymorphicTypeValidator(BasicPolymorphicTypeValidator.builder().allowIfSubType("org.seq4j.").build());
        return m;
    }

    static String write(CompileOptions<?> options) {
        try {
            return JSON.writeValueAsString(new Stored(options.loss(), options.optimizer(), options.metrics()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the compile options: " + e.getMessage(), e);
        }
    }

    static Stored read(String json) {
        try {
            return JSON.readValue(json, Stored.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable compile options: " + e.getOriginalMessage(), e);
        }
    }

    /** The target type a loss reads, from its {@code Loss<Y>} declaration (Tensor or IntTensor). */
    static Class<?> labelType(Loss<?> loss) {
        for (Class<?> c = loss.getClass(); c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == Loss.class
                        && p.getActualTypeArguments()[0] instanceof Class<?> y) {
                    return y;
                }
            }
        }
        throw new IllegalArgumentException(loss.getClass().getName()
                + " does not declare Loss<Tensor> or Loss<IntTensor>");
    }
}
