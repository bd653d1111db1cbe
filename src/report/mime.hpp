#pragma once
// issue 16: the Monday digest as one e-mail message (`digest --format email`), for
// `sendmail -t` or any mail API that takes a whole message: RFC 5322 headers and a MIME
// (RFC 2045-2049) multipart/alternative body of two parts, the plain text first and the HTML
// page second (readers show the last part they can, RFC 2046 §5.1.4).
//
// The bytes depend only on the arguments (no clock, host, locale or random boundary):
//   - Date is `date` at 00:00:00 +0000 in RFC 5322's fixed English form ("Mon, 30 Nov 2026
//     00:00:00 +0000"); From (when set), To, Subject, MIME-Version, Content-Type follow. No
//     Message-ID: the submitting agent (sendmail) adds one.
//   - Display names and the subject are the user's text: their line breaks and tabs fold into
//     one space and every other control or bidirectional character is shown as an escape
//     (visible()), so no byte of them can end a header line or start a new header ("x\r\nBcc:
//     evil@x" stays inside its own header, as text). Printable ASCII is written as it is (a
//     display name quoted when it holds RFC 5322 specials); otherwise the words that can be are
//     written as they are and each run of the others (non-ASCII, holding "=?", too long to fold)
//     as RFC 2047 "B" encoded-words of UTF-8, each at most 75 characters and holding whole
//     characters only ("=?UTF-8?B?SMOpbMOobmU=?= Dupont").
//   - An address that is not a plain address (md::plain_email: a local part of letters, digits
//     and . _ + -, a domain of labels of letters, digits and -; at most 254 characters) is
//     left out: of To, and From is then not written. With no address left, there is no To
//     header at all (and `sendmail -t` refuses the message: the caller checks for recipients).
//   - Header lines are folded at whitespace to at most 76 characters (RFC 2047 §2, under
//     RFC 5322's 78); a line holding one long address may reach 262, under the hard 998.
//   - Both parts are charset=utf-8 and quoted-printable (RFC 2045 §6.7): lines of at most 76
//     characters with soft breaks that never split a UTF-8 character, CR, LF and CRLF all hard
//     line breaks, trailing spaces and tabs encoded, '=' as =3D, a '.' or "From " at the start
//     of a line encoded (sendmail ends a message at a line of a lone '.'; mbox quotes "From ").
//   - The boundary holds "=_", which quoted-printable text cannot contain.
//   - Every line ends with CRLF.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "boussole/date.hpp"

namespace boussole::mime {

struct Address {
    std::string name;     // the user's text (UTF-8); may be empty
    std::string address;  // name@example.com
};

struct Headers {
    std::optional<Address> from;
    std::vector<Address> to;
    std::string subject;  // the user's text (UTF-8)
    Date date;
};

// The whole message, as described above.
std::string message(const Headers& h, std::string_view text_plain, std::string_view text_html);

// The parts message() is made of, for tests.
// `body` as quoted-printable with CRLF line breaks (no final line break is added).
std::string quoted_printable(std::string_view body);
// A header field "Name: value" folded to at most 76 characters a line, with CRLF.
std::string unstructured_header(std::string_view name, std::string_view user_text);
// The RFC 5322 date of `date` at midnight UTC: "Mon, 30 Nov 2026 00:00:00 +0000".
std::string date_time(Date date);

// The boundary between the parts.
inline constexpr std::string_view boundary = "=_boussole_digest_alternative";

}  // namespace boussole::mime
