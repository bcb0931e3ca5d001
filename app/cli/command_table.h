#pragma once

// The commands and options of mptcpscope-cli, in one table from which the parser, --help and
// the bash completion script are all made, so that they cannot disagree.

#include <QCommandLineOption>
#include <QString>
#include <QStringList>

#include <vector>

namespace app::cli {

struct Invocation;

// What an argument or an option's value holds, which tells the completion what to offer.
enum class ValueKind { None, Number, CaptureFile, ImageFile, Choice };

struct Argument {
    QString name; // as --help shows it: FILE, STREAM, {dsn|goodput|share}
    ValueKind kind = ValueKind::None;
    QStringList choices;
    bool repeats = false; // the last argument only: given once or more (FILE...)
};

struct Option {
    QString name;      // long name, given as --name
    QString shortName; // one letter given as -x, or empty
    QString valueName; // as --help shows it; empty for a flag
    ValueKind value = ValueKind::None;
    QStringList choices;
    QString defaultValue;
    const char* help = nullptr; // untranslated
    bool global = false;        // meaningful with every command (--help, --verbose…)

    QStringList spellings() const; // "-o", "--output"
    QCommandLineOption toQt() const;
};

struct Command {
    QString name;
    std::vector<Argument> arguments;
    QStringList options; // long names of the non-global options it takes
    QString synopsis;
    const char* description = nullptr;       // untranslated
    int (*run)(const Invocation&) = nullptr; // called once the argument count matches

    bool acceptsArgumentCount(qsizetype count) const;
};

const std::vector<Command>& commands();
const std::vector<Option>& options();

const Command* findCommand(const QString& name);
const Option& option(const QString& name); // name must be in options()

} // namespace app::cli
