// KeyLint sample (ASP.NET Core): every key here is FAKE, made by
// tests/KeyLint.Tests/Infrastructure/FakeKeys.cs with the seed named next to it.
var builder = WebApplication.CreateBuilder(args);

// KL0001: a project key pasted next to builder.Configuration (FakeKeys.Project(seed: 511)).
// The "read from configuration" fix turns it into builder.Configuration["OpenAI:ApiKey"].
var openAIKey = "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";

var app = builder.Build();
app.MapGet("/", () => $"OpenAI key configured: {openAIKey.Length > 0}");
app.Run();
