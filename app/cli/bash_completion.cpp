#include "bash_completion.h"

#include "command_table.h"

namespace app::cli {
namespace {

// @…@ fields are filled from the command table.
constexpr auto scriptTemplate =
    R"(# bash completion for mptcpscope-cli                                  -*- shell-script -*-
# Made by `mptcpscope-cli completion bash` from the table its --help is printed from.

_mptcpscope_cli_words()
{
    mapfile -t COMPREPLY < <(IFS=$' \t\n' compgen -W "$1" -- "$cur")
}

# Folders, and files ending in one of the given extensions.
_mptcpscope_cli_files()
{
    local extension
    mapfile -t COMPREPLY < <(compgen -d -- "$cur")
    for extension in "$@"; do
        mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -X "!*.$extension" -- "$cur")
    done
    compopt -o filenames 2>/dev/null
}

# Completes the current word as a value of a kind: capture, image, number, choice:WORDS.
_mptcpscope_cli_value()
{
    case $1 in
    capture) _mptcpscope_cli_files @CAPTURE_EXTENSIONS@ ;;
    image) _mptcpscope_cli_files @IMAGE_EXTENSIONS@ ;;
    choice:*) _mptcpscope_cli_words "${1#choice:}" ;;
    *) COMPREPLY=() ;;
    esac
}

# Sets kind to the kind of value option $1 takes, or to nothing for a flag.
_mptcpscope_cli_option_kind()
{
    case $1 in
@OPTION_KINDS@    *) kind='' ;;
    esac
}

_mptcpscope_cli()
{
    COMPREPLY=()
    local cur=${COMP_WORDS[COMP_CWORD]} word kind expecting='' options_ended='' i
    local -a arguments=()
    # Options may come anywhere, "--name value" or "--name=value" (which bash splits at "=").
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ -n $expecting ]]; then
            [[ $word == = ]] || expecting=''
        elif [[ -z $options_ended && $word == -?* ]]; then
            [[ $word == -- ]] && options_ended=1
            _mptcpscope_cli_option_kind "$word"
            [[ -n $kind ]] && expecting=$word
        else
            arguments+=("$word")
        fi
    done
    if [[ -n $expecting ]]; then
        [[ $cur == = ]] && cur=''
        _mptcpscope_cli_option_kind "$expecting"
        _mptcpscope_cli_value "$kind"
        return
    fi

    local options='@GLOBAL_OPTIONS@' repeats=''
    local -a kinds=()
    case ${arguments[0]-} in
@COMMAND_CASES@    esac
    local position=${#arguments[@]}
    if [[ -z $options_ended && $cur == -* ]]; then
        _mptcpscope_cli_words "$options"
    elif ((position == 0)); then
        _mptcpscope_cli_words '@COMMANDS@'
    elif ((position <= ${#kinds[@]})); then
        _mptcpscope_cli_value "${kinds[position - 1]}"
    elif [[ -n $repeats ]]; then
        _mptcpscope_cli_value "${kinds[-1]}"
    elif [[ -z $options_ended ]]; then
        _mptcpscope_cli_words "$options"
    fi
}

complete -F _mptcpscope_cli mptcpscope-cli
)";

QString kindWord(ValueKind kind, const QStringList& choices)
{
    switch (kind) {
    case ValueKind::None: return {};
    case ValueKind::Number: return QStringLiteral("number");
    case ValueKind::CaptureFile: return QStringLiteral("capture");
    case ValueKind::ImageFile: return QStringLiteral("image");
    case ValueKind::Choice: return QStringLiteral("choice:") + choices.join(QLatin1Char(' '));
    }
    return {};
}

QString quoted(const QString& word) { return QLatin1Char('\'') + word + QLatin1Char('\''); }

QString optionKindCases()
{
    QString cases;
    for (const auto& option : options())
        if (option.value != ValueKind::None)
            cases += QStringLiteral("    %1) kind=%2 ;;\n")
                         .arg(option.spellings().join(QLatin1Char('|')),
                              quoted(kindWord(option.value, option.choices)));
    return cases;
}

QString globalOptions()
{
    QStringList words;
    for (const auto& option : options())
        if (option.global)
            words << option.spellings();
    return words.join(QLatin1Char(' '));
}

QString commandCases()
{
    QString cases;
    for (const auto& command : commands()) {
        QStringList words;
        for (const auto& name : command.options)
            words << option(name).spellings();
        QStringList kinds;
        for (const auto& argument : command.arguments)
            kinds << quoted(kindWord(argument.kind, argument.choices));
        cases += QStringLiteral("    %1)\n").arg(command.name);
        if (!words.isEmpty())
            cases += QStringLiteral("        options+=' %1'\n").arg(words.join(QLatin1Char(' ')));
        cases += QStringLiteral("        kinds=(%1)\n").arg(kinds.join(QLatin1Char(' ')));
        if (!command.arguments.empty() && command.arguments.back().repeats)
            cases += QStringLiteral("        repeats=1\n");
        cases += QStringLiteral("        ;;\n");
    }
    return cases;
}

QString commandNames()
{
    QStringList names;
    for (const auto& command : commands())
        names << command.name;
    return names.join(QLatin1Char(' '));
}

} // namespace

QString bashCompletionScript()
{
    return QString::fromUtf8(scriptTemplate)
        .replace(QStringLiteral("@CAPTURE_EXTENSIONS@"), QStringLiteral("pcap pcapng cap"))
        .replace(QStringLiteral("@IMAGE_EXTENSIONS@"), QStringLiteral("png svg"))
        .replace(QStringLiteral("@OPTION_KINDS@"), optionKindCases())
        .replace(QStringLiteral("@GLOBAL_OPTIONS@"), globalOptions())
        .replace(QStringLiteral("@COMMAND_CASES@"), commandCases())
        .replace(QStringLiteral("@COMMANDS@"), commandNames());
}

} // namespace app::cli
