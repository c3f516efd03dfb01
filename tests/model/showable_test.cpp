// The one rule for text that reaches an output (model::make_showable), over every code
// point and every byte, judged by libxml2 and against XML 1.0's Char production.
#include <catch2/catch.hpp>

#include "model/text.hpp"
#include "source/reader.hpp"
#include "support.hpp"
#include "valid_output.hpp"

using namespace protopub::model;

namespace {
std::string utf8(std::uint32_t cp) {
    std::string s;
    if (cp < 0x80)
        s += static_cast<char>(cp);
    else if (cp < 0x800)
        s += {static_cast<char>(0xC0 | cp >> 6), static_cast<char>(0x80 | (cp & 0x3F))};
    else if (cp < 0x10000)
        s += {static_cast<char>(0xE0 | cp >> 12), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
              static_cast<char>(0x80 | (cp & 0x3F))};
    else
        s += {static_cast<char>(0xF0 | cp >> 18), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
              static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    return s;
}
// XML 1.0 (fifth edition), production [2] Char.
bool xml_char(std::uint32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}
}  // namespace

TEST_CASE("make_showable: every code point comes out legal in XML 1.0, and only controls change", "[model][text]") {
    std::size_t replaced = 0;
    for (std::uint32_t cp = 0; cp <= 0x10FFFF; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // not encodable as UTF-8
        std::string s = "a" + utf8(cp) + "b";
        const Unshowable u = make_showable(s);
        const bool control = cp < 0x20 ? !(cp == 0x9 || cp == 0xA || cp == 0xD) : (cp >= 0x7F && cp <= 0x9F);
        const bool expected = control || !xml_char(cp);
        if (expected != (u.count == 1)) FAIL("code point " << cp);
        if (u.count) {
            ++replaced;
            if (s != "a\xEF\xBF\xBD"
                     "b" ||
                u.offset != 1)
                FAIL("code point " << cp << " replaced as '" << s << "'");
        }
    }
    CHECK(replaced == 29 + 1 + 32 + 2);  // C0 but tab/LF/CR, DEL, C1, U+FFFE/U+FFFF
}

TEST_CASE("make_showable: bytes that are not UTF-8 are replaced, one U+FFFD each, and named", "[model][text]") {
    for (int b = 0x80; b <= 0xFF; ++b) {
        std::string s = std::string("x") + static_cast<char>(b) + "y";
        const Unshowable u = make_showable(s);
        CHECK(u.count == 1);
        CHECK(s == "x\xEF\xBF\xBDy");
        CHECK(valid_output::xml_problem("<p>" + s + "</p>") == "");
    }
    std::string overlong = "\xC0\xAF and \xED\xA0\x80";  // overlong '/', a surrogate
    const Unshowable u = make_showable(overlong);
    CHECK(u.name == "byte 0xc0");
    CHECK(unshowable_message(u).find("cannot be shown; replaced by U+FFFD (and") != std::string::npos);
    CHECK(find_invalid_utf8(overlong) == std::string::npos);
}

TEST_CASE("make_showable: any byte at any place in a long ASCII run is judged the same", "[model][text]") {
    // long runs are looked at eight bytes at a time: each byte in each lane of two words
    const std::string run = "The Council's (a) 1.2 ~text~";
    for (int b = 0; b <= 0xFF; ++b) {
        const bool shows = (b >= 0x20 && b < 0x7F) || b == '\t' || b == '\n' || b == '\r';
        for (std::size_t at = 0; at < run.size(); ++at) {
            std::string s = run;
            s[at] = static_cast<char>(b);
            const std::string before = s;
            const Unshowable u = make_showable(s);
            if (shows ? u.count != 0 || s != before
                      : u.count != 1 || u.offset != at || s != run.substr(0, at) + "\xEF\xBF\xBD" + run.substr(at + 1))
                FAIL("byte " << b << " at " << at << " gave '" << s << "'");
        }
    }
}

TEST_CASE("find_invalid_utf8: a stray byte at any place in a long ASCII run is found there", "[model][text]") {
    // ASCII is skipped eight bytes at a time: each lane of three words, and the tail after them
    const std::string run = "The Council's protocol, 1.2 (a) text";
    for (const std::string bad : {"\x80", "\xC3", "\xFF", "\xE2\x80", "\xED\xA0\x80"})
        for (std::size_t at = 0; at <= run.size(); ++at) {
            const std::string s = run.substr(0, at) + bad + run.substr(at);
            if (find_invalid_utf8(s) != at) FAIL("byte " << int(static_cast<unsigned char>(bad[0])) << " at " << at);
        }
    for (std::size_t at = 0; at <= run.size(); ++at)  // a good character anywhere is not an error
        CHECK(find_invalid_utf8(run.substr(0, at) + "’" + run.substr(at)) == std::string::npos);
}

TEST_CASE("make_showable: text that shows is left as it is, without a copy", "[model][text]") {
    std::string s = "Councillors’ code — £5, tab\there\r\n, 𝔘nicode";
    const std::string before = s;
    CHECK(make_showable(s).count == 0);
    CHECK(s == before);
}

// Found by fuzz_render (20 s, issue 18): a control character inside a malformed given id
// ({#pur\x02pose}) is an error, but renderers still drew the id into HTML as "&#2;".
TEST_CASE("make_showable: ids given in the source pass the rule too", "[model][text][source]") {
    const std::string text =
        testing::read(test_env::source_dir() + "/tests/fuzz/regressions/fuzz_render/control-in-malformed-id.md");
    Diagnostics diags;
    const Protocol p = protopub::source::read_protocol(text, "fuzz.md", diags);
    for (const auto& s : p.sections) {
        CHECK(valid_output::text_problem(s.id) == "");
        for (const auto& c : s.clauses) CHECK(valid_output::text_problem(c.id) == "");
    }
    CHECK(diags.has_errors());
}

TEST_CASE("find_unshowable finds what make_showable replaces first, or nothing", "[model][text]") {
    for (const std::string& s :
         {std::string("plain words, \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 and on\n\tlines\r\n"),
          std::string("eight by eight: 0123456789abcdef\x01 then more"), std::string("not UTF-8: \xC3( here"),
          std::string("U+FFFE: \xEF\xBF\xBE"), std::string("DEL \x7F and C1 \xC2\x85"), std::string()}) {
        std::string copy = s;
        const Unshowable u = make_showable(copy);
        CHECK(find_unshowable(s) == (u.count ? u.offset : std::string_view::npos));
    }
}

TEST_CASE("a source's words are made showable where an entity or a raw byte brings a control", "[model][text]") {
    // A clean file with no entity is not walked string by string; these are.
    for (const char* body :
         {"1.1 Escape &#27; here.\n", "1.1 Escape \x1B here.\n", "1.1 Bell &#x7; [a](https://x/&#1;)\n"}) {
        Diagnostics diags;
        const auto p = protopub::source::read_protocol(testing::source_with_body(std::string("## 1. A\n\n") + body),
                                                       "t.md", diags);
        INFO(body);
        CHECK(testing::formatted(diags).find("cannot be shown") != std::string::npos);
        CHECK(find_unshowable(plain_text(p.sections[0].clauses[0])) == std::string_view::npos);
    }
}
