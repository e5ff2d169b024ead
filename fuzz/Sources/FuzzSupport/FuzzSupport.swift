import Foundation
import ReviewSite

/// The repository (the folder above fuzz/): REVIEWSITE_ROOT, or found from
/// this file's path (fuzz/Sources/FuzzSupport/FuzzSupport.swift).
public let repositoryRoot: String = {
    if let root = ProcessInfo.processInfo.environment["REVIEWSITE_ROOT"], !root.isEmpty { return root }
    return URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path
}()

/// The committed default dataset (`data/`).
public let defaultDataPath = "\(repositoryRoot)/data"

/// The dataset whose files the CSV and YAML inputs replace: FUZZ_DATA, or
/// fuzz/dataset, a small valid cut of data/ (6 studies, 18 patients). The full
/// data/ loads in about 25 ms per input under ASan, fuzz/dataset in about 6 ms.
public let baseDataPath: String = {
    if let path = ProcessInfo.processInfo.environment["FUZZ_DATA"], !path.isEmpty { return path }
    return "\(repositoryRoot)/fuzz/dataset"
}()

/// The input as text, the way a template is read (invalid UTF-8 repaired).
public func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
    String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
}

/// A copy of the base dataset in a fresh temporary folder, made once per
/// process; one of its files is overwritten by every input. Each fuzz target
/// keeps one copy per file it fuzzes, so an input never has to put back the
/// file the previous input changed.
public final class ScratchDataset: @unchecked Sendable {
    public let path: String
    public let file: String

    /// A copy of the base dataset whose `file` the inputs replace.
    public init(replacing file: String) {
        self.file = file
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("reviewsite-fuzz-\(ProcessInfo.processInfo.processIdentifier)-\(file)")
        try? FileManager.default.removeItem(at: folder)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: baseDataPath) {
                try FileManager.default.copyItem(atPath: "\(baseDataPath)/\(name)", toPath: folder.appendingPathComponent(name).path)
            }
        } catch {
            fatalError("fuzz setup: cannot copy \(baseDataPath) to \(folder.path): \(error) (set REVIEWSITE_ROOT to the repository)")
        }
        path = folder.path
        ScratchDataset.cleanup.append(path)
        // Inputs are mutations of valid files: the base must load, or every
        // input would stop at the same error (the format changed: update fuzz/dataset).
        do {
            _ = try loadDataset(path)
        } catch {
            fatalError("fuzz setup: the base dataset \(baseDataPath) does not load:\n\(error)")
        }
    }

    /// Writes the input as the file and loads the whole dataset. A thrown
    /// `DatasetErrors` is the expected answer to a bad input; a trap is the bug.
    public func load(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard FileManager.default.createFile(atPath: "\(path)/\(file)", contents: Data(buffer: bytes)) else {
            fatalError("fuzz setup: cannot write \(path)/\(file)")
        }
        loadReport(path)
    }

    /// Folders to remove when libFuzzer exits.
    nonisolated(unsafe) private static var cleanup: [String] = {
        atexit {
            for path in ScratchDataset.cleanup { try? FileManager.default.removeItem(atPath: path) }
        }
        return []
    }()
}

/// templates/figures.yaml: the figures published.yaml may quote, and the report computes.
public let catalogue: FigureFile = FigureFile.read("\(repositoryRoot)/templates/figures.yaml").file

/// Loads a dataset checked against the default review's figures.
public func loadDataset(_ path: String) throws(DatasetErrors) -> Dataset {
    try DatasetLoader.load(from: path, figureFields: catalogue.fields)
}

/// Loads the dataset and, when it loads, computes the report (what every
/// page uses). A thrown error is the expected answer to a bad input; a trap is the bug.
public func loadReport(_ path: String) {
    do {
        _ = try Report(loadDataset(path), catalogue: catalogue)
    } catch {
        // Every error names its file: render them as `reviewsite check` does.
        _ = String(describing: error)
    }
}

/// The figures and review of the default dataset, for the template
/// targets. The report itself is not kept: its dataset's columns, alive at
/// exit, are reported as leaks, because LeakSanitizer does not see a pointer
/// that carries a Swift enum's tag in its spare bits (`DataColumn`).
public let defaultReport: (figures: [Figure], review: Review) = {
    do {
        let report = try Report.load(from: defaultDataPath, figures: "\(repositoryRoot)/templates/figures.yaml")
        return (report.figures, report.review)
    } catch {
        fatalError("fuzz setup: the default dataset does not load:\n\(error)")
    }
}()

/// Stops the run with a message libFuzzer records as a crash.
public func violated(_ message: String, _ input: String) -> Never {
    fatalError("fuzz invariant violated: \(message)\ninput: \(input.debugDescription)")
}

/// Which file an input's first byte picks: its position in `letters` (so a
/// seed can start with a readable letter), or else the byte modulo `count`.
public func pick(_ byte: UInt8, _ letters: String, count: Int) -> Int {
    if let index = Array(letters.utf8).firstIndex(of: byte) { return index }
    return Int(byte) % count
}
