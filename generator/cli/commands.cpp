#include "cli/commands.hpp"

#include <stdexcept>

namespace protopub::cli {

namespace {

// The options every publishing command (build, constitution, diff, compare, and any
// later one) takes; they mean the same everywhere.
#define PUBLISH_OPTIONS "-o", "--format", "--templates", "--pdf-style", "--reference-docx", "--link", "--quiet"

const std::vector<std::string> kDocumentFormats = {"html", "pdf", "docx", "akn"};

struct ExitCode {
    int code;
    const char* meaning;
};
const ExitCode kExitCodes[] = {
    {exit_ok, "success"},
    {exit_input_errors, "the input has errors (each reported as FILE:LINE:COL: error: ...)"},
    {exit_usage, "usage, configuration (templates, styles, fonts) or I/O error; nothing was written"},
};

}  // namespace

const std::vector<Option>& options() {
    static const std::vector<Option> table = {
        {"-o", "OUT", "the output folder (for import and renumber, the output file)"},
        {"--format", "LIST", "comma-separated output formats (see each command for which)"},
        {"--templates", "DIR",
         "the data folder: XHTML templates, stylesheets and reference.docx (default: $PROTOPUB_DATA_DIR, "
         "then the installed share/protopub)"},
        {"--pdf-style", "FILE", "a PDF house style (a copy of pdf/style.yaml with the keys to change)"},
        {"--reference-docx", "FILE",
         "a Word document whose styles, page set-up, header and footer the .docx files take"},
        {"--link", "LABEL=ADDRESS", "list another publication under \"See also\" on the front page", true},
        {"--quiet", "", "print nothing when all is well"},
        {"--json", "", "print JSON instead of tab-separated lines"},
        {"--in-place", "", "rewrite FILE itself (the original is kept if anything fails)"},
        {"--council", "NAME", "the council's name, when the input does not say it"},
        {"--title", "TITLE", "the document's title, when the input does not say it"},
        {"--version", "V", "the version to record in the front matter"},
        {"--author", "NAME", "the author of Word's tracked changes (default: protopub)"},
        {"--date", "YYYY-MM-DD", "the date of the changes (default: SOURCE_DATE_EPOCH or NEW's adoption date)"},
        {"--base", "FILE", "the protocol every other one is compared with (the model protocol)"},
        {"--allow-sources-outside", "", "read manifest sources outside the manifest's folder"},
        {"--decisions", "FILE.yaml",
         "a reviewer's decisions: alignments confirmed or rejected, gaps covered elsewhere"},
        {"--history", "", "add each protocol's \"Changes over time\" page, from its git history"},
        {"--report", "", "also write a covering report found before the protocol as REPORT.md beside OUT"},
        {"--threshold", "X", "the lowest similarity (between 0 and the 'close' score) that counts as related"},
    };
    return table;
}

const Option* find_option(std::string_view name) {
    for (const auto& o : options())
        if (name == o.name) return &o;
    return nullptr;
}

// Rows name only the fields they need; the rest take their defaults, on purpose.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
const std::vector<Command>& commands() {
    // A later command is one more row; it gets help, the man page and completion with it.
    static const std::vector<Command> table = {
        {.name = "check",
         .operands = "FILE|DIR...",
         .summary = "report every problem in the sources as FILE:LINE:COL diagnostics",
         .options = {"--quiet"},
         .run = run_check,
         .example = "protopub check protocol-source"},
        {.name = "build",
         .operands = "[FILE|DIR]...",
         .summary = "publish protocols as an HTML site, PDF, Word and Akoma Ntoso",
         .options = {PUBLISH_OPTIONS, "--history"},
         .formats = kDocumentFormats,
         .default_formats = {"html"},
         .run = run_build,
         .example = "protopub build protocol-source -o output --format html,pdf,docx,akn"},
        {.name = "import",
         .operands = "INPUT.txt|INPUT.docx|INPUT.html",
         .summary = "turn a legacy plain-text, Word or web-page protocol into a source file",
         .options = {"-o", "--council", "--title", "--version", "--report"},
         .run = run_import,
         .example =
             "protopub import protocol.docx -o protocol-source/anytown.md --council \"Anytown Borough Council\""},
        {.name = "refs",
         .operands = "FILE|DIR...",
         .summary = "list every cross-reference and defined term with its target",
         .options = {"--json"},
         .run = run_refs,
         .example = "protopub refs protocol-source --json > references.json"},
        {.name = "renumber",
         .operands = "FILE",
         .summary = "renumber clauses from the structure and every reference to them",
         .options = {"-o", "--in-place"},
         .run = run_renumber,
         .example = "protopub renumber draft.md --in-place"},
        {.name = "constitution",
         .operands = "MANIFEST.yaml",
         .summary = "assemble the sources a manifest names into a constitution and publish it",
         .options = {PUBLISH_OPTIONS, "--allow-sources-outside"},
         .formats = kDocumentFormats,
         .default_formats = {"html"},
         .run = run_constitution,
         .example = "protopub constitution protocol-source/constitution.yaml -o output/constitution --format html,pdf"},
        {.name = "diff",
         .operands = "OLD NEW",
         .summary = "redline two versions (FILE or FILE@GITREV) with a schedule of changes",
         .options = {PUBLISH_OPTIONS, "--author", "--date"},
         .formats = {"html", "pdf", "docx", "json", "csv"},
         .default_formats = {"html", "pdf", "docx", "json", "csv"},
         .refusals = {{"--link", "a redline has no front page to list other publications on"}},
         .run = run_diff,
         .example = "protopub diff old.md new.md -o redline --format docx,pdf --reference-docx house.docx"},
        {.name = "compare",
         .operands = "FILE|DIR...",
         .summary = "align clauses across councils' protocols: coverage, gaps, differences",
         .options = {PUBLISH_OPTIONS, "--base", "--threshold", "--decisions"},
         .formats = {"html", "pdf", "docx", "csv", "json"},
         .default_formats = {"html", "pdf", "csv", "json"},
         .refusals = {{"--link", "a comparison has no front page to list other publications on"}},
         .run = run_compare,
         .example = "protopub compare protocol-source --base protocol-source/somerset-model-protocol.md -o comparison"},
        {.name = "report",
         .operands = "REPORT.md",
         .summary = "build a committee report with its appendices (schedule, redline, clean version, comparison)",
         .options = {PUBLISH_OPTIONS},
         .formats = {"html", "pdf", "docx"},
         .default_formats = {"html", "pdf", "docx"},
         .refusals = {{"--link", "a report has no front page to list other publications on"}},
         .run = run_report,
         .example = "protopub report protocol-source/reports/oxford-2025/REPORT.md -o output/reports/oxford-2025"},
        {.name = "history",
         .operands = "FILE",
         .summary = "list every adopted version from git; with -o, a Changes over time page and redlines",
         .options = {"-o", "--format", "--templates", "--quiet"},
         .formats = {"html", "pdf"},
         .default_formats = {"html", "pdf"},
         .run = run_history,
         .example = "protopub history protocol-source/anytown.md -o output"},
    };
    return table;
}

#pragma GCC diagnostic pop

const Command& command(std::string_view name) {
    for (const auto& c : commands())
        if (name == c.name) return c;
    throw std::out_of_range("no command " + std::string(name));
}

namespace {

bool refused(const Command& c, std::string_view option) {
    for (const auto& r : c.refusals)
        if (option == r.option) return true;
    return false;
}

std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
    return out;
}

// "[--format html,pdf]", "-o OUT", "[--link LABEL=ADDRESS]...".
std::string usage_of(const Command& c, const Option& o) {
    std::string value = o.value;
    if (std::string_view(o.name) == "--format") value = join(c.formats, ",");
    std::string text = std::string(o.name) + (value.empty() ? "" : " " + value);
    const bool required = std::string_view(o.name) == "-o" && std::string_view(c.name) != "renumber";
    if (!required) text = "[" + text + "]";
    return o.repeatable ? text + "..." : text;
}

// roff needs its own escapes for backslashes, leading dots and hyphens in option names.
std::string roff(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char ch = s[i];
        if (ch == '\\')
            out += "\\e";
        else if (ch == '-')
            out += "\\-";
        else if ((ch == '.' || ch == '\'') && (i == 0 || s[i - 1] == '\n'))
            out += "\\&" + std::string(1, ch);
        else
            out += ch;
    }
    return out;
}

}  // namespace

std::string synopsis(const Command& c) {
    std::string out = std::string(c.name) + " " + c.operands;
    for (const char* name : c.options) {
        if (refused(c, name)) continue;
        out += ' ';
        out += usage_of(c, *find_option(name));
    }
    return out;
}

std::string help_text() {
    std::string out = "usage: protopub COMMAND [ARGS...]\n\ncommands:\n";
    for (const auto& c : commands()) out += "  " + synopsis(c) + "\n      " + c.summary + "\n";
    out += "  help [COMMAND]\n      this list, or one command's options\n\nexit codes:\n";
    for (const auto& e : kExitCodes) out += "  " + std::to_string(e.code) + "  " + e.meaning + "\n";
    out += "\n'man protopub' and README.md have examples of every command.\n";
    return out;
}

std::string command_help(const Command& c) {
    std::string out = "usage: protopub " + synopsis(c) + "\n\n" + c.summary + "\n";
    if (!c.formats.empty())
        out += "\nformats: " + join(c.formats, ", ") + " (default: " + join(c.default_formats, ",") + ")\n";
    if (!c.options.empty()) out += "\noptions:\n";
    for (const char* name : c.options) {
        if (refused(c, name)) continue;
        const Option& o = *find_option(name);
        out += "  " + std::string(o.name);
        if (*o.value) out.append(" ").append(o.value);
        out.append("\n      ").append(o.help).append("\n");
    }
    for (const auto& r : c.refusals) out += "  (" + std::string(r.option) + " is refused: " + r.reason + ")\n";
    out += "\nexample:\n  " + std::string(c.example) + "\n";
    return out;
}

std::string man_page(const std::string& version) {
    std::string out = ".TH PROTOPUB 1 \"\" \"protopub " + version + "\" \"User Commands\"\n";
    out += ".SH NAME\nprotopub \\- publish council protocols from one structured source\n";
    out += ".SH SYNOPSIS\n";
    for (const auto& c : commands()) out += ".B protopub\n" + roff(synopsis(c)) + "\n.br\n";
    out += ".B protopub help\n[COMMAND]\n";
    out +=
        ".SH DESCRIPTION\n"
        "protopub checks Member/Officer protocols and the other codes of a council's constitution, written as "
        "Markdown with front matter, and publishes them as an accessible HTML site, PDF, Word and Akoma Ntoso; "
        "it redlines two versions, compares councils' protocols, assembles constitutions and imports legacy "
        "text and Word files. Every publishing command takes the same options.\n";
    out += ".SH COMMANDS\n";
    for (const auto& c : commands()) {
        out += ".SS " + roff(std::string(c.name) + " " + c.operands) + "\n" + roff(c.summary) + ".\n";
        if (!c.formats.empty())
            out += ".PP\nFormats: " + roff(join(c.formats, ", ")) + " (default: " + roff(join(c.default_formats, ",")) +
                   ").\n";
        for (const char* name : c.options) {
            if (refused(c, name)) continue;
            const Option& o = *find_option(name);
            out += ".TP\n.B " + roff(o.name) + (*o.value ? " \\fI" + roff(o.value) + "\\fR" : "") + "\n" +
                   roff(o.help) + "\n";
        }
        for (const auto& r : c.refusals)
            out += ".PP\n" + roff(std::string(r.option)) + " is a usage error: " + roff(r.reason) + ".\n";
        out += ".PP\nExample:\n.RS\n.nf\n" + roff(c.example) + "\n.fi\n.RE\n";
    }
    out += ".SH EXIT STATUS\n";
    for (const auto& e : kExitCodes) out += ".TP\n.B " + std::to_string(e.code) + "\n" + roff(e.meaning) + "\n";
    out +=
        ".SH ENVIRONMENT\n.TP\n.B PROTOPUB_DATA_DIR\nThe data folder when \\-\\-templates is not given.\n"
        ".TP\n.B SOURCE_DATE_EPOCH\nThe date stamped into outputs, so the same sources give the same bytes.\n";
    out +=
        ".SH FILES\n.TP\n.I <prefix>/share/protopub\nThe templates, stylesheets, reference.docx and pdf/style.yaml.\n";
    return out;
}

std::string bash_completion() {
    std::string out =
        "# bash completion for protopub, generated from its command table\n_protopub() {\n"
        "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
        "    if [ \"$COMP_CWORD\" -eq 1 ]; then\n        COMPREPLY=($(compgen -W \"";
    for (const auto& c : commands()) out += std::string(c.name) + " ";
    out += "help\" -- \"$cur\")); return\n    fi\n    case \"$prev\" in\n";
    std::string file_options, dir_options;
    for (const auto& o : options()) {
        const std::string_view v = o.value;
        if (v == "FILE")
            file_options += std::string(file_options.empty() ? "" : "|") + o.name;
        else if (v == "DIR" || v == "OUT")
            dir_options += std::string(dir_options.empty() ? "" : "|") + o.name;
    }
    out += "        " + file_options + ") COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n";
    out += "        " + dir_options + ") COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n";
    out += "        --format)\n            case \"${COMP_WORDS[1]}\" in\n";
    for (const auto& c : commands())
        if (!c.formats.empty())
            out += "                " + std::string(c.name) + ") COMPREPLY=($(compgen -W \"" + join(c.formats, " ") +
                   "\" -- \"$cur\")) ;;\n";
    out += "            esac; return ;;\n    esac\n    case \"${COMP_WORDS[1]}\" in\n";
    for (const auto& c : commands()) {
        std::string names;
        for (const char* name : c.options)
            if (!refused(c, name)) names += std::string(names.empty() ? "" : " ") + name;
        out += "        " + std::string(c.name) + ") local opts=\"" + names + "\" ;;\n";
    }
    out += "        help) COMPREPLY=($(compgen -W \"";
    for (const auto& c : commands()) out += std::string(c.name) + " ";
    out +=
        "--man --bash-completion\" -- \"$cur\")); return ;;\n        *) return ;;\n    esac\n"
        "    if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\")); else COMPREPLY=($(compgen -f "
        "-- "
        "\"$cur\")); fi\n}\ncomplete -o filenames -F _protopub protopub\n";
    return out;
}

}  // namespace protopub::cli
