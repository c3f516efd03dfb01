// The subcommands of `protopub`, as one table: the parser, `protopub help`, the man page
// protopub(1) and the bash completion are all read from it, so they cannot disagree.
// Each command takes the arguments after its name and returns the process exit code:
// 0 success, 1 problems found in the input, 2 usage, configuration or I/O error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace protopub::cli {

enum Exit { exit_ok = 0, exit_input_errors = 1, exit_usage = 2 };

using CommandFn = int (*)(const std::vector<std::string>& args);

// One option of the command line. `value` names its argument ("DIR"); "" for a flag.
struct Option {
    const char* name;
    const char* value;
    const char* help;
    bool repeatable = false;
};

// An option a command accepts but cannot honour, and why: using it is a usage error
// naming the option (every publishing command takes the same options).
struct Refusal {
    const char* option;
    const char* reason;
};

struct Command {
    const char* name;
    const char* operands;              // "OLD NEW"
    const char* summary;               // one line for `protopub help`
    std::vector<const char*> options;  // names in options(), in the order shown
    std::vector<std::string> formats;  // what --format accepts (empty: no --format)
    std::vector<std::string> default_formats;
    std::vector<Refusal> refusals;
    CommandFn run;
    const char* example = "";
};

int run_check(const std::vector<std::string>& args);
int run_build(const std::vector<std::string>& args);
int run_import(const std::vector<std::string>& args);
int run_refs(const std::vector<std::string>& args);
int run_renumber(const std::vector<std::string>& args);
int run_constitution(const std::vector<std::string>& args);
int run_diff(const std::vector<std::string>& args);
int run_compare(const std::vector<std::string>& args);
int run_report(const std::vector<std::string>& args);
int run_history(const std::vector<std::string>& args);

// Every option any command takes.
const std::vector<Option>& options();
const Option* find_option(std::string_view name);

// The table `protopub` dispatches on.
const std::vector<Command>& commands();
// The row for `name`; the program's own names only (throws std::out_of_range otherwise).
const Command& command(std::string_view name);

// "build [FILE|DIR]... -o OUTDIR [--format html,pdf,docx,akn] ...": the synopsis line.
std::string synopsis(const Command& c);
// `protopub help` (every command) and `protopub help COMMAND` (its options).
std::string help_text();
std::string command_help(const Command& c);
// protopub(1) in roff, and a bash completion script: `protopub help --man` and
// `protopub help --bash-completion` print them; the build installs both.
std::string man_page(const std::string& version);
std::string bash_completion();

}  // namespace protopub::cli
