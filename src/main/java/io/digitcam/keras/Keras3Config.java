package io.digitcam.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a Keras 3 model configuration into the Keras 2 layout, the only one DL4J 1.0.0-M2.1
 * reads: it refuses keras_version 3 outright, looks for {@code batch_input_shape} where Keras 3
 * writes {@code batch_shape}, and expects a dtype to be a string where Keras 3 writes a
 * DTypePolicy object. The layers' own settings (units, kernel_size, activation, ...) kept their
 * names from Keras 2 to 3, so these are all the changes a Sequential model needs.
 */
final class Keras3Config {
    /** Keys Keras 3 added around objects that Keras 2 and DL4J know nothing of. */
    private static final Set<String> KERAS3_ONLY = Set.of("module", "registered_name", "build_config",
            "compile_config", "shared_object_id");
    /** What DL4J is told the rewritten file came from: a Keras 2 with the same layer configs. */
    static final String AS_VERSION = "2.15.0";

    private Keras3Config() {
    }

    static ObjectNode toKeras2(ObjectNode config) {
        ObjectNode out = config.deepCopy();
        clean(out);
        out.put("keras_version", AS_VERSION);
        if (!out.has("backend")) {
            out.put("backend", "tensorflow");
        }
        return out;
    }

    private static void clean(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (KERAS3_ONLY.contains(e.getKey())) {
                    it.remove();
                } else if (e.getKey().equals("dtype") && e.getValue().isObject()) {
                    e.setValue(new TextNode(e.getValue().path("config").path("name").asText("float32")));
                } else {
                    clean(e.getValue());
                }
            }
            if (o.has("batch_shape") && !o.has("batch_input_shape")) {
                o.set("batch_input_shape", o.remove("batch_shape"));
                o.remove("optional");
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(Keras3Config::clean);
        }
    }
}
