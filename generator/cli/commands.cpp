#include "cli/commands.hpp"

namespace protopub::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"check", "check FILE|DIR...                 report problems as file:line:col diagnostics", run_check},
        {"compare", "compare FILE... [--base FILE] -o OUTDIR [--format html,pdf,csv,json]  align clauses across councils", run_compare},
    };
    return table;
}

}  // namespace protopub::cli
