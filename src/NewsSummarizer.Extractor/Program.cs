// The extractor process: parses one untrusted document at a time for the host that started it (ExtractorPool).
return NewsSummarizer.Articles.Extraction.ExtractorWorker.Run(args);
