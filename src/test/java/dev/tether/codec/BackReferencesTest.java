package dev.tether.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tether.spi.UnwritableStateException;

/** The JSON-B codec refuses a cycle naming where it is, and writes an object held twice on separate ways. */
class BackReferencesTest {

    /** A node of a tree whose children may name their parent. */
    static class Node {
        private String name;
        private Node parent;
        private ArrayList<Node> children = new ArrayList<>();

        Node() {
        }

        Node(String name) {
            this.name = name;
        }

        Node add(Node child) {
            children.add(child);
            return this;
        }
    }

    /** A bean holding a tree. */
    static class Tree {
        private Node root;
        private Node favourite;
    }

    @Test
    void aChildThatNamesItsParentIsRefusedWithTheWayToIt() {
        Tree tree = new Tree();
        tree.root = new Node("root");
        Node leaf = new Node("leaf");
        tree.root.add(new Node("a")).add(leaf);
        leaf.parent = tree.root;

        assertThatThrownBy(() -> new JsonbCodec().encode(tree)).isInstanceOf(UnwritableStateException.class)
                .hasMessageContaining("root.children[1].parent").hasMessageContaining("back-reference");
    }

    @Test
    void anObjectHeldTwiceOnSeparateWaysIsNoCycle() {
        Tree tree = new Tree();
        tree.root = new Node("root");
        tree.favourite = new Node("shared");
        tree.root.add(tree.favourite).add(tree.favourite);

        String json = new String(new JsonbCodec().encode(tree), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(json).contains("\"favourite\":{\"children\":[],\"name\":\"shared\"}");
        assertThat(List.of(json.split("shared", -1))).hasSize(4);
    }
}
