// The JSON Schema of a roadmap file, generated from the format table (boussole/format.hpp).
#include <nlohmann/json.hpp>

#include "boussole/format.hpp"
#include "boussole/lint.hpp"
#include "boussole/output.hpp"

namespace boussole {

namespace {

using json = nlohmann::ordered_json;
using format::Entity;
using format::Type;

json ref(Entity e) { return {{"$ref", "#/definitions/" + std::string(format::name(e))}}; }

// Text: a plain number or boolean reads as text too (`title: 2027`).
const json text_schema = {{"type", {"string", "number", "boolean"}}};
const json date_schema = {{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}};

json value_schema(const format::Key& k) {
    switch (k.type) {
        case Type::text:
            return text_schema;
        case Type::id:
            return {{"anyOf",
                     {{{"type", "string"}, {"pattern", format::id_pattern}}, {{"type", "integer"}, {"minimum", 0}}}}};
        case Type::number:
            return {{"type", "number"}};
        case Type::confidence:
            return {{"type", "number"}, {"minimum", 0}, {"maximum", 1}};
        case Type::whole_number:
            return {{"type", "integer"}, {"minimum", 0}};
        case Type::date:
            return date_schema;
        case Type::period:
            return {{"oneOf", {{{"type", "string"}, {"pattern", "^[0-9]{4}-(Q[1-4]|H[12])$"}}, ref(Entity::period)}}};
        case Type::duration:
            return {{"type", "string"}, {"pattern", "^[0-9]+(\\.[0-9]+)?[dw]$"}};
        case Type::url:
            return {{"type", "string"}, {"pattern", "^https?://"}};
        case Type::email:
            return {{"type", "string"}, {"pattern", "@"}};
        case Type::choice: {
            json values = json::array();
            for (std::string_view c : k.choices) values.push_back(c);
            return {{"type", "string"}, {"enum", values}};
        }
        case Type::texts:
            return {{"type", "array"}, {"items", text_schema}};
        case Type::ids:
            return {{"type", "array"}, {"items", {{"type", {"string", "integer"}}}}};
        case Type::severities: {
            json ids = json::array(), levels = json::array();
            for (const std::string& id : rule_ids()) ids.push_back(id);
            for (std::string_view s : format::severity_names) levels.push_back(s);
            return {
                {"type", "object"}, {"propertyNames", {{"enum", ids}}}, {"additionalProperties", {{"enum", levels}}}};
        }
        case Type::mapping:
            return ref(k.child);
        case Type::mappings:
            return {{"type", "array"}, {"items", ref(k.child)}};
    }
    return json::object();
}

json entity_schema(Entity e) {
    json properties = json::object(), required = json::array();
    for (const format::Key& k : format::keys(e)) {
        json p = value_schema(k);
        p["description"] = k.description;
        properties[std::string(k.name)] = std::move(p);
        if (k.required) required.push_back(k.name);
    }
    // Merge keys (`<<: *defaults`) are YAML, not format: editors that do not resolve them see the key.
    if (e != Entity::file) properties["<<"] = {{"description", "YAML merge key: the keys of the aliased mapping(s)."}};
    json s = {{"type", "object"},
              {"description", format::describe(e)},
              {"properties", std::move(properties)},
              {"patternProperties", {{"^x-", {{"description", "Your own key: boussole ignores it."}}}}},
              {"additionalProperties", false}};
    if (!required.empty()) s["required"] = std::move(required);
    return s;
}

}  // namespace

std::string render_schema() {
    json definitions = json::object();
    for (Entity e : format::entities())
        if (e != Entity::file) definitions[std::string(format::name(e))] = entity_schema(e);
    json root = {{"$schema", "http://json-schema.org/draft-07/schema#"},
                 {"$id", std::string(BOUSSOLE_HOMEPAGE) + "schema/roadmap-" + BOUSSOLE_VERSION + ".json"},
                 {"title", "boussole roadmap file"}};
    const json file = entity_schema(Entity::file);
    for (auto it = file.begin(); it != file.end(); ++it) root[it.key()] = it.value();
    root["definitions"] = std::move(definitions);
    return root.dump(2) + "\n";
}

}  // namespace boussole
