using LearningHub.Cases.Data;
using LearningHub.Cases.Recipes;
using LearningHub.Cases.Services;
using LearningHub.Core.Data;
using LearningHub.Core.Navigation;
using LearningHub.Core.Recipes;
using LearningHub.Core.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Cases;

/// <summary>Case learning modules: authoring and review, the practitioners' catalogue, completion and certificates.</summary>
public static class CasesModule
{
    public static IServiceCollection AddCasesModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CasesOptions>(configuration.GetSection(CasesOptions.Section));
        services.AddSingleton<IModelContributor, CasesModel>();
        services.AddScoped<LearningHub.Core.Privacy.IRetentionAccountUse, Privacy.CasesRetention>();
        services.AddSingleton<IPermissionProvider, CasesPermissions>();
        services.AddSingleton<INavigationProvider, CasesNavigation>();
        services.AddSingleton(new LearningHub.Core.Themes.ModuleStylesheet("~/_content/LearningHub.Cases/cases.css"));
        services.AddSingleton<CaseMarkdown>();
        services.AddScoped<CaseCatalogue>();
        services.AddScoped<CatalogueListings>();
        services.AddSingleton<PublishedVersions>();
        services.AddScoped<CaseLearning>();
        services.AddScoped<SectionReflection>();
        services.AddScoped<LearningHub.Forms.Services.IFormContextOwner, CaseReflectionContextOwner>();
        services.AddScoped<CaseWorkflow>();
        services.AddScoped<RecommendationRecord>();
        services.AddScoped<LearningHub.Core.Learning.ILinkableLearning, CaseLinkableLearning>();
        services.AddScoped<LearningHub.Core.Learning.IFeaturedLearning, CaseFeaturedLearning>();
        services.AddScoped<CaseCertificates>();
        services.AddScoped<LearningHub.Core.Privacy.IPersonalDataSource, Privacy.CasesPersonalData>();
        services.AddScoped<LearningHub.Core.Learning.IAttendanceCredit, CaseAttendanceCredit>();
        services.AddScoped<LearningHub.Media.Services.IMediaUsageSource, CaseMediaUsage>();
        services.AddSingleton<PagePdf>();
        services.AddSingleton<PdfOfPage>();
        services.AddSingleton(CasesMailTemplates.ModuleCompleted);
        services.AddRecipeStep<CasesStep>();
        return services;
    }

    /// <summary>Every Cases page is a Razor Page routed under <c>/{board}/</c> by the host; no other endpoints yet.</summary>
    public static IEndpointRouteBuilder MapCasesModule(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}

public sealed class CasesOptions
{
    public const string Section = "Cases";

    /// <summary>The Chromium that prints pages (certificates, the facilitator view, the annual-report pack) to PDF (Debian's package by default).</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";
}
