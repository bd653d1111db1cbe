// The JSON Schema of a roadmap file, generated from the format table (boussole/format.hpp).
#include <nlohmann/json.hpp>

#include "boussole/format.hpp"
#include "boussole/lint.hpp"
#include "boussole/output.hpp"
#include "boussole/visible.hpp"

namespace boussole {

namespace {

using json = nlohmann::ordered_json;
using format::Entity;
using format::Type;

json ref(Entity e) { return {{"$ref", "#/definitions/" + std::string(format::name(e))}}; }

// The schema of a key's value: a value type's comes with its reader (format::schema_of).
json value_schema(const format::Key& k) {
    switch (k.type) {
        case Type::severities: {
            json ids = json::array(), levels = json::array();
            for (std::string_view id : rule_spellings) ids.push_back(id);
            for (std::string_view s : severity_spellings) levels.push_back(s);
            return {
                {"type", "object"}, {"propertyNames", {{"enum", ids}}}, {"additionalProperties", {{"enum", levels}}}};
        }
        case Type::mapping:
            return ref(k.child);
        case Type::mappings:
            return {{"type", "array"}, {"items", ref(k.child)}};
        default:
            return json::parse(format::schema_of(k));
    }
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
    return json_document(root);
}

}  // namespace boussole
