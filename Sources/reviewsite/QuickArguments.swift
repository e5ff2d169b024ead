/// The plain forms of the commands a review runs most: `build`, `figures`
/// and `check`, each option written `--name value`. They are read here
/// rather than by ArgumentParser, whose parsing reflects every command's
/// options and, in the static binary, costs some 13 M instructions (as
/// much as loading the default dataset). Anything else (help, `--name=value`,
/// a value that starts with `-` or is empty, an option given twice, a word
/// the command does not take) is left to ArgumentParser, which reads or
/// refuses it as it always has. The commands run the same code either way.
enum QuickArguments {
    case build(data: String, templates: String?, out: String, baseline: String?)
    case figures(data: String, templates: String?)
    case check(data: String, templates: String?)

    /// The command of `arguments` (without the program's name), or nil for ArgumentParser.
    static func read(_ arguments: [String]) -> QuickArguments? {
        guard let name = arguments.first else { return nil }
        let known: Set<String> = switch name {
        case "build": ["--data", "--templates", "--out", "--baseline"]
        case "figures", "check": ["--data", "--templates"]
        default: []
        }
        guard !known.isEmpty, arguments.count % 2 == 1 else { return nil }
        var given: [String: String] = [:]
        for index in stride(from: 1, to: arguments.count, by: 2) {
            let (option, value) = (arguments[index], arguments[index + 1])
            guard known.contains(option), given[option] == nil, !value.isEmpty, !value.hasPrefix("-") else { return nil }
            given[option] = value
        }
        let data = given["--data"] ?? "data"
        switch name {
        case "build": return .build(data: data, templates: given["--templates"], out: given["--out"] ?? "site", baseline: given["--baseline"])
        case "figures": return .figures(data: data, templates: given["--templates"])
        default: return .check(data: data, templates: given["--templates"])
        }
    }

    func run() throws {
        switch self {
        case .build(let data, let templates, let out, let baseline):
            try BuildCommand.run(data: data, templates: templatesFolder(templates, data: data), out: out, baseline: baseline)
        case .figures(let data, let templates):
            try FiguresCommand.run(data: data, templates: templatesFolder(templates, data: data))
        case .check(let data, let templates):
            try CheckCommand.run(data: data, templates: templatesFolder(templates, data: data))
        }
    }
}
