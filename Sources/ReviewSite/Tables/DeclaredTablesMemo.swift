import Synchronization

/// The declared tables of one loaded report, kept between the builds of a
/// preview (`reviewsite serve`): their queries are most of a template
/// change's rebuild at scale, and their rows change only with the report
/// or tables.yaml, when the preview forgets them.
public final class DeclaredTablesMemo: Sendable {
    private let kept = Mutex<[DeclaredTable]?>(nil)

    public init() {}

    /// Computed again by the next build.
    public func forget() {
        kept.withLock { $0 = nil }
    }

    /// The kept tables, or those `compute` makes (kept when it succeeds).
    func tables(_ compute: () -> Result<[DeclaredTable], TemplateErrors>) -> Result<[DeclaredTable], TemplateErrors> {
        if let tables = kept.withLock({ $0 }) { return .success(tables) }
        let computed = compute()
        if case .success(let tables) = computed { kept.withLock { $0 = tables } }
        return computed
    }
}
