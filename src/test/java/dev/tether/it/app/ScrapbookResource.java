package dev.tether.it.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Stores something that is not Serializable: the write-back fails with a server error. */
@Path("scrapbook")
@RequestScoped
public class ScrapbookResource {

    @Inject
    Scrapbook scrapbook;

    @POST
    public String pasteSomethingUnserializable() {
        scrapbook.paste(new Object());
        return "pasted";
    }
}
