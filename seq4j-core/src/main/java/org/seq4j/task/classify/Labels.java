package org.seq4j.task.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** The class names of a label column, in id order: numeric order when every label is a number, else text order. */
final class Labels {
    private Labels() {}

    static List<String> sorted(List<String> labels) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(labels));
        if (distinct.stream().allMatch(Labels::isNumber)) {
            distinct.sort(Comparator.comparingDouble(Double::parseDouble));
        } else {
            distinct.sort(Comparator.naturalOrder());
        }
        return distinct;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
