#include "cli/commands.h"
namespace cx::cli {
void AddDemoCommand(CLI::App&, int&) {}
}
