// The base protocol: Content-Length framed messages on a byte stream.
#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <optional>

#include <fmt/format.h>
#include <poll.h>
#include <unistd.h>

#include "boussole/lsp.hpp"

namespace boussole::lsp {

namespace {

// A header line longer than this is no header (a stream that is not the base protocol).
constexpr std::size_t max_header_line = 8192;

bool is_token_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// A Content-Length value: decimal digits only, at most max_body.
std::optional<std::size_t> parse_length(std::string_view value) {
    value = trim(value);
    if (value.empty() || value.size() > 12) return std::nullopt;
    std::size_t n = 0;
    for (char c : value) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    return n;
}

class FdBuffer : public std::streambuf {
public:
    explicit FdBuffer(int fd) : fd_(fd) {}

protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        ssize_t n = 0;
        do {
            n = ::read(fd_, buffer_.data(), buffer_.size());
        } while (n < 0 && errno == EINTR);
        if (n <= 0) return traits_type::eof();
        setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
        return traits_type::to_int_type(*gptr());
    }
    // Whether a read would not block: input waiting, or the end of the input.
    std::streamsize showmanyc() override {
        pollfd p{fd_, POLLIN, 0};
        int r = 0;
        do {
            r = ::poll(&p, 1, 0);
        } while (r < 0 && errno == EINTR);
        return r > 0 && (p.revents & (POLLIN | POLLHUP)) != 0 ? 1 : 0;
    }

private:
    int fd_;
    std::array<char, 65536> buffer_{};
};

}  // namespace

std::unique_ptr<std::streambuf> fd_input_buffer(int fd) { return std::make_unique<FdBuffer>(fd); }

bool FrameReader::more_waiting() const { return in_.good() && in_.rdbuf()->in_avail() > 0; }

Framed FrameReader::next() {
    using Traits = std::istream::traits_type;
    std::streambuf& buf = *in_.rdbuf();
    std::string line;
    if (resync_) {
        // After a header without a valid length the body's size is unknown: skip to the next
        // "Content-Length:" and read the header from there.
        constexpr std::string_view key = "content-length:";
        std::size_t matched = 0;
        while (matched < key.size()) {
            const int c = buf.sbumpc();
            if (c == Traits::eof()) return {};
            const auto lower = static_cast<char>(std::tolower(c));
            matched = lower == key[matched] ? matched + 1 : (lower == key[0] ? 1 : 0);
        }
        line = "Content-Length:";
        resync_ = false;
    }
    std::optional<std::size_t> length;
    std::string problem;
    bool any = !line.empty();
    while (true) {
        // One header line, up to \n (its \r dropped).
        bool ended = false;
        while (true) {
            const int c = buf.sbumpc();
            if (c == Traits::eof()) {
                ended = true;
                break;
            }
            if (c == '\n') break;
            line += static_cast<char>(c);
            if (line.size() > max_header_line) {
                resync_ = true;
                return {Framed::Kind::error,
                        {},
                        fmt::format("a message header line is longer than {} bytes: this is not the Language Server "
                                    "Protocol's framing ('Content-Length: N', an empty line, N bytes of JSON)",
                                    max_header_line)};
            }
        }
        if (ended) {
            in_.setstate(std::ios::eofbit);
            if (!any && line.empty()) return {};
            return {Framed::Kind::error, {}, "the input ended inside a message's header"};
        }
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) {
            if (any) break;
            continue;  // blank lines between messages
        }
        any = true;
        const std::size_t colon = line.find(':');
        const std::string_view name = std::string_view(line).substr(0, colon);
        if (colon == std::string::npos || name.empty() ||
            std::find_if_not(name.begin(), name.end(), is_token_char) != name.end()) {
            resync_ = true;
            return {Framed::Kind::error,
                    {},
                    "a message header is not 'Name: value' (the Language Server Protocol's framing is "
                    "'Content-Length: N', an empty line, N bytes of JSON)"};
        }
        if (iequals(name, "Content-Length")) {
            length = parse_length(std::string_view(line).substr(colon + 1));
            if (!length)
                problem = fmt::format("its Content-Length '{}' is not a number of bytes",
                                      trim(std::string_view(line).substr(colon + 1)));
        }
        line.clear();
    }
    if (!length) {
        resync_ = true;
        return {Framed::Kind::error,
                {},
                problem.empty() ? "a message has no Content-Length header: give its body's size in bytes"
                                : "a message's header is wrong: " + problem};
    }
    if (*length > max_body) {
        in_.ignore(static_cast<std::streamsize>(*length));
        return {Framed::Kind::error,
                {},
                fmt::format("a message of {} bytes is over the limit of {} MB", *length, max_body >> 20)};
    }
    std::string body(*length, '\0');
    const std::streamsize got = buf.sgetn(body.data(), static_cast<std::streamsize>(*length));
    if (got < static_cast<std::streamsize>(*length)) {
        in_.setstate(std::ios::eofbit);
        return {
            Framed::Kind::error, {}, fmt::format("the input ended {} bytes into a message of {} bytes", got, *length)};
    }
    return {Framed::Kind::message, std::move(body), {}};
}

void write_frame(std::ostream& out, std::string_view body) {
    out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
    out.flush();
}

}  // namespace boussole::lsp
