package org.marketingworkbench.ui.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * One line of a decision tree read as rules: "duration ≤ 521" with the lines below it, or a leaf's
 * "… → yes (120 customers, 8 wrong)". Read from Weka's {@code J48.graph()} (dot text), so the pane can show
 * it as a tree of rules without a drawing library.
 *
 * @param text     what the line says
 * @param leaf     whether the line ends in a decision
 * @param children the lines below it, in Weka's order
 */
public record TreeRule(UserMessage text, boolean leaf, List<TreeRule> children) {

    private static final Pattern NODE = Pattern.compile("^(N\\d+) \\[label=\"((?:[^\"\\\\]|\\\\.)*)\"(.*)\\]\\s*$");
    private static final Pattern EDGE = Pattern.compile("^(N\\d+)->(N\\d+) \\[label=\"((?:[^\"\\\\]|\\\\.)*)\"\\]\\s*$");
    private static final Pattern LEAF = Pattern.compile("^(.*) \\(([0-9.]+)(?:/([0-9.]+))?\\)$");

    public TreeRule {
        children = List.copyOf(children);
    }

    /** Lines in this subtree that end in a decision. */
    public int leaves() {
        return leaf ? 1 : children.stream().mapToInt(TreeRule::leaves).sum();
    }

    /**
     * The tree in J48's dot text as rules under a root line ("The tree splits first on …").
     *
     * @throws IllegalArgumentException when the text is not a J48 graph
     */
    public static TreeRule fromDot(String dot) {
        Map<String, String> labels = new HashMap<>();
        Map<String, Boolean> isLeaf = new HashMap<>();
        Map<String, List<String[]>> edges = new HashMap<>();
        String root = null;
        for (String raw : dot.split("\\R")) {
            String line = raw.strip();
            Matcher e = EDGE.matcher(line);
            if (e.matches()) {
                edges.computeIfAbsent(e.group(1), k -> new ArrayList<>()).add(new String[] {e.group(2), unescape(e.group(3))});
                continue;
            }
            Matcher n = NODE.matcher(line);
            if (n.matches()) {
                labels.put(n.group(1), unescape(n.group(2)));
                isLeaf.put(n.group(1), n.group(3).contains("shape=box"));
                if (root == null) {
                    root = n.group(1);
                }
            }
        }
        if (root == null) {
            throw new IllegalArgumentException("not a J48 graph");
        }
        if (isLeaf.get(root)) {
            return new TreeRule(UserMessage.of("why.tree.rootLeaf", leafText(labels.get(root))), true, List.of());
        }
        return new TreeRule(UserMessage.of("why.tree.root", labels.get(root)), false,
                below(root, labels, isLeaf, edges));
    }

    private static List<TreeRule> below(String node, Map<String, String> labels, Map<String, Boolean> isLeaf,
                                        Map<String, List<String[]>> edges) {
        List<TreeRule> out = new ArrayList<>();
        String attribute = labels.get(node);
        for (String[] edge : edges.getOrDefault(node, List.of())) {
            String child = edge[0];
            String test = attribute + " " + readable(edge[1]);
            if (Boolean.TRUE.equals(isLeaf.get(child))) {
                out.add(new TreeRule(UserMessage.of("why.tree.leaf", test, leafText(labels.get(child))), true, List.of()));
            } else {
                out.add(new TreeRule(UserMessage.of("why.tree.test", test), false,
                        below(child, labels, isLeaf, edges)));
            }
        }
        return out;
    }

    /** "yes (120.0/8.0)" as "yes (120 customers, 8 wrong)". */
    private static UserMessage leafText(String label) {
        Matcher m = LEAF.matcher(label.strip());
        if (!m.matches()) {
            return UserMessage.of("why.tree.leafPlain", label);
        }
        double n = Double.parseDouble(m.group(2));
        double wrong = m.group(3) == null ? 0 : Double.parseDouble(m.group(3));
        return UserMessage.of("why.tree.leafCounts", m.group(1), n, wrong);
    }

    private static String readable(String test) {
        return test.replace("<=", "≤").replace(">=", "≥");
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
