using LearningHub.Core.Data;
using LearningHub.Core.Navigation;
using LearningHub.Core.Recipes;
using LearningHub.Forms.Data;
using LearningHub.Forms.Recipes;
using LearningHub.Forms.Services;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Forms;

/// <summary>
/// Reflective questions, event baselines, evaluations and follow-ups: a form builder, filling in with
/// drafts, results with comparisons and CSV, and requests sent through the notifications outbox.
/// Other modules use <see cref="IFormFilling"/> and <see cref="FormRequests"/>.
/// </summary>
public static class FormsModule
{
    public static IServiceCollection AddFormsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, FormsModel>();
        services.AddScoped<Privacy.FormsRetention>();
        services.AddScoped<LearningHub.Core.Privacy.IRetentionSource>(sp => sp.GetRequiredService<Privacy.FormsRetention>());
        services.AddScoped<LearningHub.Core.Privacy.IRetentionAccountUse>(sp => sp.GetRequiredService<Privacy.FormsRetention>());
        services.AddSingleton<LearningHub.Core.Security.IPermissionProvider, FormsPermissions>();
        services.AddScoped<IFormFilling, FormFilling>();
        services.AddScoped<FormResponses>();
        services.AddScoped<FormAnswerLinks>();
        services.AddScoped<FormEntitlement>();
        services.AddScoped<FormContextNames>();
        services.AddSingleton<IFormContextOwner, GeneralFormContext>();
        services.AddScoped<FormEditor>();
        services.AddScoped<FormResults>();
        services.AddScoped<FormRequests>();
        services.AddScoped<FormChoices>();
        services.AddScoped<LearningHub.Core.Privacy.IPersonalDataSource, Privacy.FormsPersonalData>();
        foreach (var template in FormMailTemplates.All)
        {
            services.AddSingleton(template);
        }

        services.AddRecipeStep<FormsStep>();
        services.AddSingleton<INavigationProvider, FormsNavigation>();
        return services;
    }

    /// <summary>Pages only: they are routed under <c>/{board}/</c> by the host.</summary>
    public static IEndpointRouteBuilder MapFormsModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
