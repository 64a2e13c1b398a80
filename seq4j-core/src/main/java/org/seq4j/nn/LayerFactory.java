package org.seq4j.nn;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.random.RandomGenerator;

/**
 * Rebuilds a layer from its config record. The convention every layer follows makes a registry unnecessary: a
 * layer's config is its nested record {@code Config}, and the layer has a constructor taking that record and
 * optionally a {@link RandomGenerator} (for initial weights, which a loaded model then overwrites), or, where a
 * constructor cannot express the rebuilding (a Functional graph), a static {@code fromConfig(Config, RandomGenerator)}.
 */
public final class LayerFactory {
    private LayerFactory() {}

    public static Layer create(Record config, RandomGenerator rng) {
        Class<?> owner = config.getClass().getEnclosingClass();
        if (owner == null || !Layer.class.isAssignableFrom(owner)) {
            throw new IllegalArgumentException("config " + config.getClass().getName() + " is not a layer's Config");
        }
        try {
            for (java.lang.reflect.Method m : owner.getMethods()) {
                if (m.getName().equals("fromConfig") && java.lang.reflect.Modifier.isStatic(m.getModifiers())
                        && m.getParameterCount() == 2 && m.getParameterTypes()[0] == config.getClass()) {
                    return (Layer) m.invoke(null, config, rng);
                }
            }
            for (Constructor<?> c : owner.getConstructors()) {
                Class<?>[] p = c.getParameterTypes();
                if (p.length == 2 && p[0] == config.getClass() && p[1] == RandomGenerator.class) {
                    return (Layer) c.newInstance(config, rng);
                }
                if (p.length == 1 && p[0] == config.getClass()) {
                    return (Layer) c.newInstance(config);
                }
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException("cannot build " + owner.getSimpleName() + " from " + config + ": "
                    + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + owner.getSimpleName() + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException(owner.getSimpleName() + " has no public constructor (Config[, RandomGenerator]) or fromConfig");
    }
}
