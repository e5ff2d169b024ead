import Foundation

/// Whether the working data are a release's data byte for byte. Then a
/// comparison of the two finds nothing (both reports come from the same
/// bytes and the same templates), so the build need not load the
/// release's data and fill its pages again to learn that. Anything else
/// (a file changed, missing on one side, not a regular file, a workbook)
/// is left to the full comparison, which says what differs or what is wrong.
enum ReleasedData {
    /// `release`: the frozen data folder (`releases/1.1/data`); `working`:
    /// the data folder; `report`: the working data's report.
    static func isUnchanged(release: String, working: String, report: Report) -> Bool {
        // An update counted from versions.yaml (prisma.yaml's previous_version)
        // makes the working report differ from that of a copy of its files.
        guard report.prisma.update == nil else { return false }
        // A workbook is read in place of the CSV files: only the reports tell.
        guard !hasWorkbook(release), !hasWorkbook(working) else { return false }
        // codebook.yaml is among them: the same codebook declares the same table files.
        return SiteBuilder.datasetFiles(report.codebook).allSatisfy { sameFile("\(release)/\($0)", "\(working)/\($0)") }
    }

    private static func hasWorkbook(_ folder: String) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.contains { $0.lowercased().hasSuffix(".xlsx") }
    }

    /// Both missing, or both regular files with the same bytes (read a
    /// piece at a time: a table of a million patients is not held twice).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        let (hasFirst, hasSecond) = (lstat(a, &first) == 0, lstat(b, &second) == 0)
        guard hasFirst, hasSecond else { return missing(a) && missing(b) }
        guard first.st_mode & S_IFMT == S_IFREG, second.st_mode & S_IFMT == S_IFREG, first.st_size == second.st_size else { return false }
        guard let one = fopen(a, "rb") else { return false }
        defer { fclose(one) }
        guard let other = fopen(b, "rb") else { return false }
        defer { fclose(other) }
        let size = 1 << 16
        var x = [UInt8](repeating: 0, count: size), y = [UInt8](repeating: 0, count: size)
        while true {
            let n = fread(&x, 1, size, one), m = fread(&y, 1, size, other)
            guard n == m, memcmp(x, y, n) == 0 else { return false }
            if n < size { return ferror(one) == 0 && ferror(other) == 0 }
        }
    }

    private static func missing(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) != 0 && errno == ENOENT
    }
}
