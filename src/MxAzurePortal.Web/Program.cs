using Microsoft.Extensions.Options;
using MxAzurePortal.Application;
using MxAzurePortal.Infrastructure;
using MxAzurePortal.Infrastructure.Data;
using MxAzurePortal.Sandbox;
using MxAzurePortal.Web;
using MxAzurePortal.Web.Api;
using MxAzurePortal.Web.Operations;
using MxAzurePortal.Web.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalLogging();
builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath)
    .AddSandbox(builder.Configuration)
    .AddWeb(builder.Configuration);

var app = builder.Build();

// Refuse a wrong configuration with its message before touching the database.
app.Services.GetRequiredService<IStartupValidator>().Validate();
await app.Services.MigratePortalDatabaseAsync();
if (app.Services.GetRequiredService<IOptions<SandboxOptions>>().Value.Enabled)
{
    await app.Services.SeedSandboxAsync();
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseStatusCodePagesWithReExecute("/Error", "?statusCode={0}");
app.UsePortalStaticFiles();
app.UsePortalRequestLogging();
app.UseRouting();
app.UseDeployApiErrors();
app.UseAuthentication();
app.UseMiddleware<TenantScopeMiddleware>();
app.UseAuthorization();
app.UseRateLimiter();
app.MapRazorPages();
app.MapPortalHealth();
app.MapZendeskWebhook();
app.MapDeployApi();

await app.RunAsync();

/// <summary>The entry point, visible to the test hosts.</summary>
public partial class Program;
