import ArgumentParser
import Dispatch
import Foundation
import ReviewSiteServe
import Synchronization

/// `reviewsite serve`: a live preview of the site on 127.0.0.1, rebuilt on
/// every saved change of the data or the templates. Nothing is written:
/// the published site stays what `reviewsite build` made.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site in a browser while you edit: rebuilt and reloaded on every saved change.",
        discussion: "The site is built in memory and served on 127.0.0.1 only (this machine). A build error is shown in the page and on standard error; saving the fixed file shows the site again. Ctrl-C stops the server."
    )

    @OptionGroup var options: DataOptions

    @OptionGroup var templates: TemplatesOption

    @Option(name: .long, help: ArgumentHelp("The port to listen on at 127.0.0.1 (0: any free port).", valueName: "n"))
    var port: UInt16 = 8000

    func run() throws {
        let server = PreviewServer(data: options.data, templates: templates.templates(for: options.data), port: port,
                                   say: { say($0) }, warn: { printError($0) })
        // Ctrl-C and SIGTERM stop the server instead of ending the process at once.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let stopping = DispatchSemaphore(value: 0)
        let sources = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stopping.signal() }
            source.resume()
            return source
        }
        let started = waitFor { () async -> Result<String, ServeFailure> in
            do throws(ServeFailure) { return .success(try await server.start()) } catch { return .failure(error) }
        }
        switch started {
        case .failure(let failure):
            printError(failure.description)
            throw ExitCode(2)
        case .success(let address):
            say("Serving the site at \(address) (this machine only); watching \(options.data)/ and \(templates.templates(for: options.data))/. Ctrl-C stops.")
        }
        stopping.wait()
        waitFor { await server.stop() }
        sources.forEach { $0.cancel() }
        say("Stopped.")
    }
}

/// A line on standard output at once, also when it is a pipe.
private func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// Runs `body` in a task and waits on this thread for what it returns.
private func waitFor<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let result = Mutex<T?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
        let value = await body()
        result.withLock { $0 = value }
        done.signal()
    }
    done.wait()
    return result.withLock { $0! }
}
