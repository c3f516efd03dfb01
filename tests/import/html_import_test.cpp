// Import of a web page: the text a browser shows, read as text is. (The round-trip corpus
// holds every source as a council's web page; these are the page's own odds and ends.)
#include <catch2/catch.hpp>

#include <string>

#include "import/import.hpp"
#include "source/writer.hpp"

using namespace protopub;

namespace {

struct Page {
    import::ImportResult result;
    model::Diagnostics diags;
    std::string markdown;
};

Page import_page(const std::string& html) {
    Page p;
    p.result = import::import_bytes(html, "page.html", {.council = "Anytown Borough Council"}, p.diags);
    for (const auto& d : p.diags.items()) INFO(model::format(d));
    REQUIRE(p.result.ok);
    p.markdown = source::write_protocol(p.result.protocol);
    INFO(p.markdown);
    return p;
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a web page: the text it shows, without its scripts, styles, menus, forms and comments", "[import][html]") {
    const Page p = import_page(
        "<!DOCTYPE html><HTML><HEAD><TITLE>Protocol</TITLE><STYLE>p::before { content: '9.9 styled'; }</STYLE>"
        "<script type=\"text/javascript\">if (a < b) { x = '<p>9.8 scripted</p>'; }</script></HEAD>\n<BODY>"
        "<nav><ul><li>Home</li><li>Bins</li></ul></nav><!-- <p>9.7 commented</p> -->"
        "<H1 class=\"title\">Member/Officer Protocol</H1>"
        "<h2>1. Introduction</h2><p data-x=\"a > b\">1.1 Councillors &amp; officers work together &ndash; "
        "always&#8217;s &#x201C;so&#x201D;&nbsp;here.<p>1.2 It is reviewed when 2 &lt; 3 and a < b.</p>"
        "<form><label>Search</label><input><button>9.6 Go</button></form>"
        "<h2>2. Roles</h2><p>2.1 Officers give:<br>advice,<br/>support.</p></BODY></HTML>");
    CHECK(p.result.protocol.meta.title == "Member/Officer Protocol");
    CHECK(has(p.markdown,
              "} Councillors & officers work together \xE2\x80\x93 always\xE2\x80\x99s "
              "\xE2\x80\x9Cso\xE2\x80\x9D here."));
    CHECK(has(p.markdown, "It is reviewed when 2 \\< 3 and a \\< b."));  // (the source escapes '<')
    CHECK(has(p.markdown, "2.1 {#officers-give-advice-support} Officers give: advice, support."));
    for (const char* hidden : {"9.9", "9.8", "9.7", "9.6", "Bins", "Search"}) {
        INFO(hidden);
        CHECK(!has(p.markdown, hidden));
    }
    std::string warnings;
    for (const auto& d : p.diags.items()) warnings += d.message + "\n";
    CHECK(has(warnings, "read as a web page"));
    CHECK(has(warnings, "2 navigation menus and forms"));
}

TEST_CASE("a web page: lists numbered, lettered and bulleted, and a table, as the page shows them", "[import][html]") {
    const Page p = import_page(
        "<!doctype html><html><body><main><h1>Councillor-Officer Protocol</h1><h2>Roles</h2>"
        "<ol><li><p>Councillors set policy:</p><ol type=\"a\"><li>for the district;</li><li>for its services."
        "</li></ol></li><li>Officers advise.</li><li>Officers carry out decisions.</li></ol>"
        "<h2>Contacts</h2><ol start=\"4\"><li>The contacts are:<ul><li>the Monitoring Officer</li>"
        "<li>the Chief Executive</li></ul></li></ol>"
        "<table><tr><th>Role</th><th>Duty</th></tr><tr><td><p>Councillor</p></td><td>Sets policy</td></tr>"
        "<tr><td>Officer<td>Advises</tr></table><p>5. Everyone is courteous.</p></main>"
        "<footer><p>&copy; Anytown Borough Council</p></footer></body></html>");
    CHECK(has(p.markdown, "} Councillors set policy:\n\n   - a. for the district;\n   - b. for its services."));
    CHECK(has(p.markdown, "3. {#officers-carry-out-decisions} Officers carry out decisions."));
    CHECK(has(p.markdown,
              "4. {#the-contacts-are-the-monitoring} The contacts are:\n\n   - the Monitoring Officer\n"
              "   - the Chief Executive"));
    CHECK(has(p.markdown, "| Role | Duty |"));
    CHECK(has(p.markdown, "| Officer | Advises |"));
    CHECK(has(p.markdown, "5. {#everyone-is-courteous} Everyone is courteous."));
    CHECK(!has(p.markdown, "\xC2\xA9"));  // (the site's footer, outside <main>)
}

TEST_CASE("a web page: the council's name from the page's title or banner, its facts from a definition list",
          "[import][html]") {
    model::Diagnostics diags;
    const import::ImportResult r = import::import_bytes(
        "<!DOCTYPE html><html><head><title>Member/Officer Protocol | Westbridge District Council</title></head>"
        "<body><header><p>Westbridge District Council</p></header><main><h1>Member/Officer Protocol</h1>"
        "<dl><div><dt>Version</dt><dd>3</dd></div><div><dt>Status</dt><dd><span>Draft</span></dd></div></dl>"
        "<h2>1. Roles</h2><p>1.1 Councillors set policy.</p><p>1.2 Officers advise.</p></main></body></html>",
        "page.html", {}, diags);
    REQUIRE(r.ok);
    CHECK(r.protocol.meta.council == "Westbridge District Council");
    CHECK(r.protocol.meta.version == "3");  // (a <dt> and its <dd> are "Version: 3", a title page's fact)
    std::string notes;
    for (const auto& d : diags.items()) notes += d.message + "\n";
    CHECK(has(notes, "taken from what is printed around the text"));
}
