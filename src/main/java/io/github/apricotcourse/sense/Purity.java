package io.github.apricotcourse.sense;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How well clusters match known labels (Manning, Raghavan and Schütze 2008, §16.3): each cluster
 * counts the points of its most common label, and purity is the fraction of points counted,
 *
 * <pre>
 *   purity = (1 / N) Σ_k max_j |cluster_k ∩ label_j|
 * </pre>
 *
 * 1 when every cluster holds one label only; with two equally common senses, clusters that ignore
 * the senses score about 0.5.
 */
public final class Purity {
    private Purity() {}

    /** The purity of the clusters (one per point, e.g. {@link KMeans#assignments()}) against the labels. */
    public static double of(int[] clusters, List<String> labels) {
        if (clusters.length == 0 || clusters.length != labels.size()) {
            throw new IllegalArgumentException("give one cluster and one label per point, and at least one point: got "
                    + clusters.length + " clusters and " + labels.size() + " labels");
        }
        Map<Integer, Map<String, Integer>> counts = new HashMap<>();
        for (int i = 0; i < clusters.length; i++) {
            counts.computeIfAbsent(clusters[i], k -> new HashMap<>()).merge(labels.get(i), 1, Integer::sum);
        }
        int counted = 0;
        for (Map<String, Integer> inCluster : counts.values()) {
            counted += inCluster.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
        return (double) counted / clusters.length;
    }
}
