#pragma once
/// `boussole lsp`: a Language Server Protocol 3.17 server. It keeps one workspace model (the
/// roadmap's files, each with its text on disk or the editor's unsaved text, each read on its own
/// and merged), lints it as `boussole lint` does and publishes the diagnostics. Later features
/// (completion, definition, hover, rename) query the same model.

#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace boussole::lsp {

/// How the server finds the roadmap of a workspace folder.
struct ServerOptions {
    /// The roadmap PATH of the workspace folder `folder` (an absolute path), as every command
    /// finds it by default; throws boussole::Error (its message said to the user) when there is
    /// none. Unset: `folder/roadmap` when it is a folder, else `folder`.
    std::function<std::string(const std::string& folder)> find_roadmap;
};

/// One message read from a Content-Length framed stream: a body, or why none could be read.
struct Framed {
    enum class Kind { message, error, end } kind = Kind::end;
    std::string body;   ///< the message's bytes (Kind::message)
    std::string error;  ///< what was wrong with the header or body (Kind::error)
};

/// Reads the base protocol's messages (`Content-Length: N`, other headers ignored, an empty
/// line, N bytes) from `in`. A header block without a valid length is an error, after which the
/// reader looks for the next `Content-Length:` to start again.
class FrameReader {
public:
    explicit FrameReader(std::istream& in) : in_(in) {}
    /// The next message, an error (the stream goes on), or the end of the input.
    Framed next();
    /// True when more input is already waiting (nothing would block).
    [[nodiscard]] bool more_waiting() const;

    /// The largest body accepted (bytes): a roadmap is far smaller.
    static constexpr std::size_t max_body = 64u << 20;

private:
    std::istream& in_;
    bool resync_ = false;
};

/// Writes `body` framed (`Content-Length: N\r\n\r\n` and the body) to `out`, and flushes.
void write_frame(std::ostream& out, std::string_view body);

/// The server: handles one message at a time and writes its answers and notifications, framed,
/// to `out`. Testable in-process: feed it bodies, then call idle() as the loop does when no more
/// input is waiting.
class Server {
public:
    explicit Server(std::ostream& out, ServerOptions options = {});
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Handles one message body (a JSON-RPC request, notification or response).
    void handle(std::string_view body);
    /// Answers a framing error (JSON-RPC -32700, id null).
    void framing_error(std::string_view what);
    /// When no more input is waiting: lints what changed and publishes the diagnostics that
    /// changed. Does nothing when nothing changed since the last call.
    void idle();
    /// True once `exit` was received.
    [[nodiscard]] bool exited() const;
    /// The exit status: 0 after `shutdown` then `exit`, else 1.
    [[nodiscard]] int exit_status() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Serves `in` until `exit` or the end of the input; lints only when no more input is waiting,
/// so that a burst of changes is linted once. Returns the exit status (Server::exit_status).
int serve(std::istream& in, std::ostream& out, ServerOptions options = {});

/// A `std::streambuf` over a file descriptor (standard input) whose in_avail() tells whether
/// more input is readable without blocking (poll), for FrameReader::more_waiting.
std::unique_ptr<std::streambuf> fd_input_buffer(int fd);

/// file:// URIs and paths: the absolute path of a `file://` URI (percent-decoded), or empty.
std::string path_of_uri(std::string_view uri);
/// The `file://` URI of an absolute path (percent-encoded).
std::string uri_of_path(std::string_view path);

/// Positions in the negotiated encoding.
enum class Encoding { utf16, utf8 };
/// The offset in `line` (one line's bytes, no line break) of code point column `column`
/// (1-based, as SourcePos counts) in units of `encoding` (0-based, as LSP counts). Columns past
/// the end count one unit per missing code point.
std::uint32_t character_of_column(std::string_view line, std::uint32_t column, Encoding encoding);
/// The length of `line` in units of `encoding`.
std::uint32_t length_of(std::string_view line, Encoding encoding);
/// The code point column (1-based) of LSP character `character` (0-based, in `encoding`) of
/// `line`: the reverse of character_of_column. A character inside a code point counts as it.
std::uint32_t column_of_character(std::string_view line, std::uint32_t character, Encoding encoding);
/// The byte offset in `text` of the LSP position (`line`, `character` in `encoding`), clamped to
/// the line's end and the text's end. Lines end at \n, \r\n or \r, as LSP says.
std::size_t offset_of_position(std::string_view text, std::uint32_t line, std::uint32_t character, Encoding encoding);

}  // namespace boussole::lsp
