#pragma once
/// Source positions: every value the model holds remembers where it was written.

#include <cstdint>
#include <string>

namespace boussole {

/// A 1-based position in one of the roadmap's files (line 0 means "nowhere").
struct SourcePos {
    std::uint32_t file = 0;    ///< index into Roadmap::files
    std::uint32_t line = 0;    ///< 1-based line
    std::uint32_t column = 0;  ///< 1-based column, in Unicode code points
    std::uint32_t length = 0;  ///< code points the token spans on its line (0 when unknown)

    /// True when the position points somewhere.
    [[nodiscard]] bool valid() const { return line > 0; }
    friend bool operator==(const SourcePos&, const SourcePos&) = default;
};

/// One file that was read, as it should be shown to the user.
struct SourceFile {
    std::string display_path;   ///< the PATH given on the command line joined with the relative path
    std::string relative_path;  ///< path relative to the roadmap root ("" when the root is a file)
};

}  // namespace boussole
