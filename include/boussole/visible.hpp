#pragma once
/// Text from a roadmap, a file name or an argument, made safe to show on a terminal or in a log.

#include <string>
#include <string_view>

namespace boussole {

/// `s` with every character a terminal or a log viewer would act on instead of showing written
/// visibly as an escape: line breaks and tabs (`\n`, `\r`, `\t`), other C0 controls and DEL
/// (`\x1b`), C1 controls, line and paragraph separators and bidirectional controls (`\u0085`,
/// `\u2028`, `\u202e`), and bytes that are not UTF-8 (`\xff`). Everything else, accents included,
/// is kept as it is. The result is one line of valid UTF-8 that moves no cursor, opens no link and
/// reorders no text. Every edge that writes user text for people (text outputs, stderr) uses it.
std::string visible(std::string_view s);

/// A JSON document as nlohmann-json dumps it, with the characters visible() shows that JSON
/// leaves raw (C1 controls, line and paragraph separators, bidirectional marks) written as JSON
/// escapes (`\u202e`): the same data once parsed, and no raw character that reorders or breaks
/// what a viewer or a JavaScript consumer shows. (JSON already escapes C0 controls.)
std::string json_text(std::string_view dumped);

/// Every JSON document boussole writes, dumped the one way: two-space indentation (or `indent`;
/// -1 is compact, as a Slack message is posted), bytes that are not UTF-8 replaced by U+FFFD
/// (never an exception: a roadmap may hold any bytes), then json_text(), and a final newline.
/// `Json` is an nlohmann-json type; only the layers allowed nlohmann-json instantiate this. The
/// output suite checks that no other `.dump(` exists.
template <class Json>
std::string json_document(const Json& doc, int indent = 2) {
    return json_text(doc.dump(indent, ' ', false, Json::error_handler_t::replace)) + "\n";
}

}  // namespace boussole
