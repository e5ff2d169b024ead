import Foundation

extension Publisher {
    static let pdfinfo = ExternalProgram(name: "pdfinfo", package: "poppler-utils")

    /// supplement.pdf: Chromium prints supplement.html twice. The first
    /// print says on which page each part starts (the PDF's named
    /// destinations, one per part); those page numbers go into the
    /// contents, whose room for them was kept, and the second print is the
    /// file. Should the parts move between the prints, publish says so.
    func supplement(site: String, print: String, work: String, date: PublishDate) throws(PublishFailure) {
        let page = site + "/" + Supplement.file
        let pdf = print + "/supplement.pdf"
        try chromium(page, to: pdf, work: work)
        let first = try Self.starts(of: pdf, in: print)
        guard let html = try? String(contentsOfFile: page, encoding: .utf8) else {
            throw .output("\(page): cannot be read (\(SystemError.reason()))")
        }
        let numbered = try Self.numbered(html, pages: first)
        do { try Data(numbered.utf8).write(to: URL(fileURLWithPath: page)) } catch {
            throw .output("\(page): cannot be written (\(SystemError.reason()))")
        }
        try chromium(page, to: pdf, work: work)
        let second = try Self.starts(of: pdf, in: print)
        guard first == second else {
            throw .failed("chromium", "placed the supplement's parts on other pages once the contents had their page numbers (\(first) then \(second))")
        }
        guard let printed = FileManager.default.contents(atPath: pdf) else { throw .output("\(pdf): cannot be read (\(SystemError.reason()))") }
        do { try Data(date.stamp(Array(printed))).write(to: URL(fileURLWithPath: pdf)) } catch {
            throw .output("\(pdf): cannot be written (\(SystemError.reason()))")
        }
    }

    private func chromium(_ page: String, to pdf: String, work: String) throws(PublishFailure) {
        try? FileManager.default.removeItem(atPath: pdf)
        try Self.chromium.run(["--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
                               "--disable-background-networking", "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
                               "--virtual-time-budget=5000", "--user-data-dir=\(work)/chromium", "--print-to-pdf=\(pdf)",
                               URL(fileURLWithPath: page).absoluteString], in: work)
        guard FileManager.default.fileExists(atPath: pdf) else { throw .failed("chromium", "wrote no PDF") }
    }

    /// The page each part of the supplement starts on, by its id: Chromium
    /// makes a named destination of every element that a link of the file
    /// targets, and the contents link every part.
    static func starts(of pdf: String, in folder: String) throws(PublishFailure) -> [String: Int] {
        destinations(try pdfinfo.run(["-dests", pdf], in: folder, output: "destinations.txt"))
    }

    /// `pdfinfo -dests`'s listing read: each destination's name and page.
    static func destinations(_ listing: String) -> [String: Int] {
        var pages: [String: Int] = [:]
        for line in listing.split(separator: "\n").dropFirst() {
            // `   2 [ XYZ   12  818 null      ] "emethods"`
            guard let page = line.split(separator: " ").first.flatMap({ Int($0) }),
                  let open = line.firstIndex(of: "\""), let close = line.lastIndex(of: "\""), open < close else { continue }
            pages[String(line[line.index(after: open)..<close])] = page
        }
        return pages
    }

    /// The supplement with each contents entry's page number filled in.
    static func numbered(_ html: String, pages: [String: Int]) throws(PublishFailure) -> String {
        var out = html
        var missing: [String] = []
        var searchFrom = out.startIndex
        let marker = "<span class=\"page-ref\" data-part=\""
        while let start = out.range(of: marker, range: searchFrom..<out.endIndex),
              let end = out.range(of: "\"></span>", range: start.upperBound..<out.endIndex) {
            let id = String(out[start.upperBound..<end.lowerBound])
            guard let page = pages[id] else {
                missing.append(id)
                searchFrom = end.upperBound
                continue
            }
            let filled = "\(marker)\(id)\">\(page)</span>"
            out.replaceSubrange(start.lowerBound..<end.upperBound, with: filled)
            searchFrom = out.index(start.lowerBound, offsetBy: filled.count)
        }
        guard missing.isEmpty else { throw .failed("chromium", "printed no page for the parts \(missing.joined(separator: ", ")) of the supplement") }
        return out
    }
}
