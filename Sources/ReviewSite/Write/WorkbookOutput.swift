import Foundation

/// Where `reviewsite workbook --out` may write, decided before anything is
/// touched: never the workbook the review is read from, a file of the
/// dataset or templates folder, or a link; an existing file only with
/// `--force`. The workbook is then written beside its place and renamed
/// into it, so that the file is either as it was or the whole new workbook.
public enum WorkbookOutput {
    /// Why `output` must not be written, in one line; nil when it may be.
    /// `workbook` is the workbook the review is read from, if any.
    public static func refusal(_ output: String, force: Bool, data: String, templates: String, workbook: String?) -> String? {
        let shown = "--out \(Echo.path(output))"
        guard !output.isEmpty else {
            return "\(shown): the path is empty (an unset shell variable?); name the workbook to write, e.g. --out new.xlsx"
        }
        var status = stat()
        let exists = lstat(output, &status) == 0
        if exists && status.st_mode & S_IFMT == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: output)) ?? "?"
            return "\(shown): is a symbolic link (to \(Echo.path(target))); reviewsite neither writes through nor replaces links: name the file itself as --out"
        }
        let target = Paths.resolve(output)
        if let workbook, isSame(output, exists ? status : nil, as: workbook, resolved: target) {
            return "\(shown): is the workbook the review is read from; reviewsite never writes over it, even with --force: name a new file outside the folder of --data \(Echo.path(data))"
        }
        for (option, folder) in [("--data", data), ("--templates", templates)] where Paths.holds(Paths.resolve(folder), target) {
            if Paths.resolve(folder) == target { return "\(shown): is the folder of \(option) \(Echo.path(folder)); name a workbook file outside it" }
            return "\(shown): is in the folder of \(option) \(Echo.path(folder)), which reviewsite never writes into, even with --force: name a file outside it"
        }
        let name = target.split(separator: "/").last.map(String.init) ?? ""
        if SiteBuilder.isDatasetFile(name) {
            return "\(shown): has the name of a dataset file (\(name)), which reviewsite never writes over: name the workbook with .xlsx, e.g. --out new.xlsx"
        }
        guard exists else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            return force ? nil : "\(shown): already exists; give --force to replace it, or name another file"
        case S_IFDIR:
            return "\(shown): is a folder; name the workbook file, e.g. --out \(Echo.path(output + "/new.xlsx"))"
        default:
            return "\(shown): is not a regular file; reviewsite writes the workbook only as a new file or in place of a regular file"
        }
    }

    /// Whether `output` names the workbook read: the same file (a hard link
    /// too), or the same path.
    private static func isSame(_ output: String, _ status: stat?, as workbook: String, resolved target: String) -> Bool {
        var other = stat()
        if let status, lstat(workbook, &other) == 0, status.st_dev == other.st_dev, status.st_ino == other.st_ino { return true }
        return Paths.resolve(workbook) == target
    }
}
